import { infiniteQueryOptions } from '@tanstack/react-query';
import { getActivity } from './activity-client';

export type ActivityFilter = { projectId: number; key: string | null; keyId: string | null };

/** Pages of events, newest first; "Load older" asks for the next with the last page's cursor. */
export function activityQueryOptions({ projectId, key, keyId }: ActivityFilter) {
  return infiniteQueryOptions({
    queryKey: ['activity', projectId, key, keyId] as const,
    queryFn: ({ pageParam, signal }) =>
      getActivity({ projectId, key, keyId, before: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next_before,
    // Who did what changes with every write: read afresh each time the view opens.
    staleTime: 0,
  });
}
