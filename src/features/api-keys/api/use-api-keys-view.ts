import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { afterPaintWhenIdle } from '../../../lib/when-idle';
import { expiresSoon } from '../model/expiring-soon';
import { listSearchOf, matchingIndexes } from '../model/key-matches';
import type { KeysView } from '../model/keys-view';
import { sortKeys } from '../model/sort-keys';
import { byId } from '../shared/deployment-names';
import {
  allKeysQueryOptions,
  deploymentRecordsQueryOptions,
  keyPageQueryOptions,
  keysViewRead,
} from './key-queries';
import { useKeysAdapter } from './keys-adapter-context';

/** The rows and total for the view, read as `keysViewRead` says. */
export function useApiKeysView(view: KeysView, projectId: number | undefined) {
  const adapter = useKeysAdapter();
  const { serverSort } = adapter.capabilities;
  const { needle, offset, order, byPage } = keysViewRead(adapter, view);
  const page = useQuery({
    ...keyPageQueryOptions(adapter, {
      projectId: projectId ?? 0,
      limit: view.pageSize,
      offset,
      orderBy: order,
    }),
    enabled: projectId !== undefined && byPage,
  });
  const all = useQuery({
    ...allKeysQueryOptions(adapter, projectId ?? 0, order),
    enabled: projectId !== undefined && !byPage,
  });
  // The filter matches deployment names too: the same read the list's names come from.
  const deployments = useQuery({
    ...deploymentRecordsQueryOptions(adapter, projectId ?? 0),
    enabled: projectId !== undefined && !byPage,
  });
  const deploymentsById = useMemo(
    () => deployments.data && byId(deployments.data),
    [deployments.data],
  );
  // Memoised: the same rows array across the panel's other re-renders keeps the memoised table
  // from re-rendering every row, and a re-render from scanning every key again.
  // By the order's value: each URL is read into a new view, and a filter typed must not sort
  // 10,000 keys again.
  const { field, direction } = view.sort;
  const sorted = useMemo(
    () =>
      serverSort || all.data === undefined ? all.data : sortKeys(all.data, { field, direction }),
    [all.data, serverSort, field, direction],
  );
  // Once per list (and its deployments' names), so a filter typed only compares strings: ready
  // by the first idle moment after the rows show, so neither the rows nor the filter wait for it.
  const searching = needle !== '';
  const search = useMemo(
    () => (searching && sorted ? listSearchOf(sorted, deploymentsById) : undefined),
    [sorted, deploymentsById, searching],
  );
  useEffect(() => {
    if (byPage || sorted === undefined) return;
    return afterPaintWhenIdle(() => listSearchOf(sorted, deploymentsById));
  }, [byPage, sorted, deploymentsById]);
  const filtered = useMemo(() => {
    if (byPage || sorted === undefined) return undefined;
    // "Expiring soon" as of the read: the list is read again after every change anyway.
    const now = all.dataUpdatedAt;
    const found =
      search === undefined
        ? sorted
        : matchingIndexes(search, needle).flatMap((index) => sorted[index] ?? []);
    const matches = view.expiring ? found.filter((key) => expiresSoon(key, now)) : found;
    return { rows: matches.slice(offset, offset + view.pageSize), count: matches.length };
  }, [sorted, byPage, needle, view.expiring, all.dataUpdatedAt, search, offset, view.pageSize]);

  if (byPage) return { query: page, rows: page.data?.results, count: page.data?.count };
  return { query: all, rows: filtered?.rows, count: filtered?.count };
}
