import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { expiresSoon } from '../model/expiring-soon';
import type { KeysView } from '../model/keys-view';
import { allKeysQueryOptions, keyPageQueryOptions, keysViewRead } from './key-queries';
import { useKeysAdapter } from './keys-adapter-context';

/**
 * How many of the project's keys expire within 14 days, from what the list already read: every
 * key where it reads them all (v3, a filter), else its page when that page holds every key (v2).
 * Only a v2 list of more keys than one page makes this read them all, once. undefined: not known.
 */
export function useExpiringSoonCount(view: KeysView, projectId: number | undefined) {
  const adapter = useKeysAdapter();
  const { byPage, order } = keysViewRead(adapter, view);
  const params = { projectId: projectId ?? 0, limit: view.pageSize, offset: 0, orderBy: order };
  const page = useQuery({ ...keyPageQueryOptions(adapter, params), enabled: false });
  // Another project's keys, kept on screen while this one's load, count for nothing here.
  const firstPage = page.isPlaceholderData ? undefined : page.data;
  const pageHasAll = firstPage !== undefined && firstPage.results.length >= firstPage.count;
  const all = useQuery({
    ...allKeysQueryOptions(adapter, projectId ?? 0, order),
    // Page 1 of a paged list is read anyway: wait for it, it may hold every key.
    enabled:
      projectId !== undefined &&
      !(byPage && pageHasAll) &&
      !(byPage && view.page === 1 && firstPage === undefined),
  });
  // As of the read the keys come from, as the list's filter counts them.
  const [keys, readAt] =
    all.data && !all.isPlaceholderData
      ? [all.data, all.dataUpdatedAt]
      : pageHasAll
        ? [firstPage.results, page.dataUpdatedAt]
        : [undefined, 0];
  // Once per read: the list re-renders on every change of the view (a filter typed, a page),
  // and would parse 10,000 dates again each time for the same count.
  return useMemo(() => keys?.filter((key) => expiresSoon(key, readAt)).length, [keys, readAt]);
}
