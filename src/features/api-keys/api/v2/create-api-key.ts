import { apiRequest, type RequestOptions } from '../../../../lib/api-client';
import {
  API_KEYS_PATH,
  createApiKeyInputSchema,
  createdApiKeySchema,
  type CreateApiKeyInput,
} from '../api-key-schemas';

/** v2's create call; the UI reaches it through `keysAdapterV2`. */
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
