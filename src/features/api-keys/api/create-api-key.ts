import { useMutation, useQueryClient } from '@tanstack/react-query';
import { afterNextPaint } from '../../../lib/after-next-paint';
import { apiRequest, type RequestOptions } from '../../../lib/api-client';
import { secretBox, type SecretBox } from '../../../lib/secret-box';
import { apiKeyKeys } from './api-key-query-keys';
import {
  API_KEYS_PATH,
  createApiKeyInputSchema,
  createdApiKeySchema,
  type ApiKey,
  type CreateApiKeyInput,
} from './api-key-schemas';

/** A new key with its secret boxed: the reveal dialog wipes it when the user is done. */
export type CreatedKey = { apiKey: ApiKey; secret: SecretBox };

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
    mutationFn: async ({
      input,
      signal,
    }: {
      input: CreateApiKeyInput;
      signal?: AbortSignal;
    }): Promise<CreatedKey> => {
      const { secret, ...apiKey } = await createApiKey(input, { signal });
      return { apiKey, secret: secretBox(secret) };
    },
    // A create that failed after reaching the server must never run twice on its own.
    retry: false,
    // The response holds the secret: drop the mutation from the cache as soon as the reveal
    // dialog lets go of it (mutation.reset()), instead of keeping it for the default 5 minutes.
    gcTime: 0,
    onSuccess: () => {
      // This runs before the mutation's observers hear of the success: refetching the list now
      // would put the list's re-renders (fetching, then the new rows) ahead of the reveal dialog.
      afterNextPaint(() => void queryClient.invalidateQueries({ queryKey: apiKeyKeys.lists() }));
    },
  });
}
