import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, type RequestOptions } from '../../../lib/api-client';
import { apiKeyKeys } from './api-key-query-keys';
import {
  createApiKeyInputSchema,
  createdApiKeySchema,
  type CreateApiKeyInput,
} from './api-key-schemas';

export const API_KEYS_PATH = '/cloud/v2/inference/api_keys';

export function createApiKey(input: CreateApiKeyInput, options: RequestOptions = {}) {
  return apiRequest({
    ...options,
    method: 'POST',
    path: API_KEYS_PATH,
    // Re-checked here so that no caller can send a body the contract would reject.
    body: createApiKeyInputSchema.parse(input),
    schema: createdApiKeySchema,
  });
}

export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, signal }: { input: CreateApiKeyInput; signal?: AbortSignal }) =>
      createApiKey(input, { signal }),
    // A create that failed after reaching the server must never run twice on its own.
    retry: false,
    // The response holds the secret: drop the mutation from the cache as soon as the reveal
    // dialog lets go of it (mutation.reset()), instead of keeping it for the default 5 minutes.
    gcTime: 0,
    onSuccess: () => {
      // Not awaited: the reveal dialog must not wait for a list refetch.
      void queryClient.invalidateQueries({ queryKey: apiKeyKeys.lists() });
    },
  });
}
