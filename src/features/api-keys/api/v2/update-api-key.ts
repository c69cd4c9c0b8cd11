import { apiRequest } from '../../../../lib/api-client';
import { apiKeySchema, updateApiKeyInputSchema, type UpdateApiKeyInput } from '../api-key-schemas';
import { apiKeyPath } from './api-key-path';

/** v2's update call; the UI reaches it through `keysAdapterV2`. */
export function updateApiKey(keyId: string, input: UpdateApiKeyInput) {
  return apiRequest({
    method: 'PATCH',
    path: apiKeyPath(keyId),
    body: updateApiKeyInputSchema.parse(input),
    schema: apiKeySchema,
  });
}
