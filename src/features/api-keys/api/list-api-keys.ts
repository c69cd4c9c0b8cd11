import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { fetchAllPages } from '../../../lib/fetch-all-pages';
import { apiKeyKeys, type ApiKeyListParams } from './api-key-query-keys';
import { API_KEYS_PATH, apiKeyListSchema } from './api-key-schemas';

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

/** One page, as the API pages it. The previous page stays on screen while the next loads. */
export const apiKeyPageQueryOptions = (params: ApiKeyListParams) =>
  queryOptions({
    queryKey: apiKeyKeys.list(params),
    queryFn: ({ signal }) => listApiKeys(params, signal),
    placeholderData: keepPreviousData,
  });

/**
 * Every key of a project, in the API's order. The v2 list has no name filter, so filtering by
 * name happens here, over all keys rather than over one page.
 */
export const allApiKeysQueryOptions = (projectId: number, orderBy: string | undefined) =>
  queryOptions({
    queryKey: apiKeyKeys.allOfProject(projectId, orderBy),
    queryFn: ({ signal }) =>
      fetchAllPages((offset, limit) => listApiKeys({ projectId, limit, offset, orderBy }, signal), {
        keyOf: (key) => key.key_id,
      }),
    placeholderData: keepPreviousData,
  });
