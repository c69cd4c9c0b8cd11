import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { MAX_PAGE_SIZE } from '../../../lib/list-schema';
import { apiKeyKeys, type ApiKeyListParams } from './api-key-query-keys';
import { apiKeyListSchema, type ApiKey } from './api-key-schemas';
import { API_KEYS_PATH } from './create-api-key';

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
    queryKey: [...apiKeyKeys.lists(), 'all', projectId, orderBy] as const,
    queryFn: async ({ signal }) => {
      const keys: ApiKey[] = [];
      for (let offset = 0; ; offset += MAX_PAGE_SIZE) {
        const page = await listApiKeys(
          { projectId, limit: MAX_PAGE_SIZE, offset, orderBy },
          signal,
        );
        keys.push(...page.results);
        if (page.results.length === 0 || keys.length >= page.count) return keys;
      }
    },
    placeholderData: keepPreviousData,
  });
