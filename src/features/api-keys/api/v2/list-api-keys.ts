import { apiRequest } from '../../../../lib/api-client';
import type { ApiKeyListParams } from '../api-key-query-keys';
import { API_KEYS_PATH, apiKeyListSchema } from '../api-key-schemas';

/** v2's list call (sorted by the server); the UI reaches it through `keysAdapterV2`. */
export function listApiKeys(params: ApiKeyListParams, signal?: AbortSignal) {
  return apiRequest({
    method: 'GET',
    path: API_KEYS_PATH,
    query: {
      project_id: params.projectId,
      limit: params.limit,
      offset: params.offset,
      order_by: params.orderBy,
    },
    schema: apiKeyListSchema,
    signal,
  });
}
