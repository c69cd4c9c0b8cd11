import { keepPreviousData, queryOptions, type QueryClient } from '@tanstack/react-query';
import { fetchAllPages } from '../../../lib/fetch-all-pages';
import { apiKeyKeys, type ApiKeyListParams } from './api-key-query-keys';
import { orderBy, type KeysView } from '../model/keys-view';
import type { KeysAdapter } from './key-model';

/**
 * A list read this recent is not repeated when the list mounts: the page reads ahead of the list
 * (see `startFirstReads`). Every change the page makes invalidates the lists outright.
 */
const LIST_FRESH_MS = 5_000;

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
    staleTime: LIST_FRESH_MS,
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
    staleTime: LIST_FRESH_MS,
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

/** What of the view decides the list's reads. */
export type ListView = Pick<KeysView, 'page' | 'pageSize' | 'filter' | 'sort' | 'expiring'>;

/**
 * What a view of the list reads. Where the API sorts (v2) and there is no filter, the API pages.
 * Otherwise every key is fetched once and sorted, matched and paged in the browser: v2 cannot
 * filter by name, and v3 can neither sort nor filter.
 */
export function keysViewRead(adapter: KeysAdapter, view: ListView) {
  const needle = view.filter.trim().toLowerCase();
  const order = orderBy(view.sort);
  return {
    needle,
    offset: (view.page - 1) * view.pageSize,
    order,
    byPage: adapter.capabilities.serverSort && needle === '' && !view.expiring,
  };
}

/** Starts the list's reads (the view's keys, the project's deployments) ahead of the list. */
export function prefetchKeysView(
  queryClient: QueryClient,
  adapter: KeysAdapter,
  view: ListView,
  projectId: number,
) {
  const { byPage, offset, order } = keysViewRead(adapter, view);
  // Only what nobody has read yet: once the list is up, its own queries decide when to refetch.
  const unlessCached = { staleTime: Infinity } as const;
  const params = { projectId, limit: view.pageSize, offset, orderBy: order };
  void (byPage
    ? queryClient.prefetchQuery({ ...keyPageQueryOptions(adapter, params), ...unlessCached })
    : queryClient.prefetchQuery({
        ...allKeysQueryOptions(adapter, projectId, order),
        ...unlessCached,
      }));
  void queryClient.prefetchQuery({
    ...deploymentRecordsQueryOptions(adapter, projectId),
    ...unlessCached,
  });
}
