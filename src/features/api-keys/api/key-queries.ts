import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { fetchAllPages } from '../../../lib/fetch-all-pages';
import { apiKeyKeys, type ApiKeyListParams } from './api-key-query-keys';
import type { KeysAdapter } from './key-model';

/** One page, as the API pages (and, where it can, sorts) it. The previous page stays on screen. */
export const keyPageQueryOptions = (adapter: KeysAdapter, params: ApiKeyListParams) =>
  queryOptions({
    queryKey: apiKeyKeys.list(adapter.capabilities.generation, params),
    queryFn: ({ signal }) =>
      adapter.listKeyPage(
        params.projectId,
        { limit: params.limit, offset: params.offset, orderBy: params.orderBy },
        signal,
      ),
    placeholderData: keepPreviousData,
  });

/**
 * Every key of a project, in the API's order when it has one (`orderBy` is then sent; without
 * server sort it is left out of the call and the key, as the answer does not depend on it).
 */
export function allKeysQueryOptions(
  adapter: KeysAdapter,
  projectId: number,
  orderBy: string | undefined,
) {
  const sentOrder = adapter.capabilities.serverSort ? orderBy : undefined;
  return queryOptions({
    queryKey: apiKeyKeys.allOfProject(adapter.capabilities.generation, projectId, sentOrder),
    queryFn: ({ signal }) =>
      fetchAllPages(
        (offset, limit) =>
          adapter.listKeyPage(projectId, { offset, limit, orderBy: sentOrder }, signal),
        { keyOf: (key) => key.id },
      ),
    placeholderData: keepPreviousData,
  });
}

export const keyQueryOptions = (adapter: KeysAdapter, projectId: number, keyId: string) =>
  queryOptions({
    queryKey: apiKeyKeys.detail(adapter.capabilities.generation, projectId, keyId),
    queryFn: ({ signal }) => adapter.getKey(projectId, keyId, signal),
  });

/** Every deployment of a project: the picker must offer all of them. */
export const deploymentRecordsQueryOptions = (adapter: KeysAdapter, projectId: number) =>
  queryOptions({
    queryKey: apiKeyKeys.deployments(adapter.capabilities.generation, projectId),
    queryFn: ({ signal }) => adapter.listDeployments(projectId, signal),
    staleTime: 60_000,
  });
