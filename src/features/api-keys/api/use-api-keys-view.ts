import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { orderBy, type KeysView } from '../model/keys-view';
import { allApiKeysQueryOptions, apiKeyPageQueryOptions } from './list-api-keys';

/**
 * The rows and total for the view. Without a filter the API pages; with one, every key is
 * fetched and matched here (the v2 list cannot filter by name), then paged the same way.
 */
export function useApiKeysView(view: KeysView, projectId: number | undefined) {
  const needle = view.filter.trim().toLowerCase();
  const offset = (view.page - 1) * view.pageSize;
  const order = orderBy(view.sort);
  const page = useQuery({
    ...apiKeyPageQueryOptions({
      projectId: projectId ?? 0,
      limit: view.pageSize,
      offset,
      orderBy: order,
    }),
    enabled: projectId !== undefined && needle === '',
  });
  const all = useQuery({
    ...allApiKeysQueryOptions(projectId ?? 0, order),
    enabled: projectId !== undefined && needle !== '',
  });
  // Memoised: the same rows array across the panel's other re-renders keeps the memoised table
  // from re-rendering every row, and a re-render from scanning every key again.
  const filtered = useMemo(() => {
    if (needle === '' || all.data === undefined) return undefined;
    const matches = all.data.filter((key) => key.name.toLowerCase().includes(needle));
    return { rows: matches.slice(offset, offset + view.pageSize), count: matches.length };
  }, [all.data, needle, offset, view.pageSize]);

  if (needle === '') {
    return { query: page, rows: page.data?.results, count: page.data?.count };
  }
  return { query: all, rows: filtered?.rows, count: filtered?.count };
}
