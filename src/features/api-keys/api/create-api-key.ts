import { useMutation } from '@tanstack/react-query';
import { apiRequest, type RequestOptions } from '../../../lib/api-client';
import { secretBox, type SecretBox } from '../../../lib/secret-box';
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

/**
 * The create call. It leaves the list alone: the reveal dialog refreshes it once it is on screen
 * (see `useReveal`), so the list's refetch never delays the one thing the user waits for.
 */
export function useCreateApiKey() {
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
  });
}
