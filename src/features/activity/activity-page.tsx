import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { describeError } from '../../lib/describe-error';
import { useUrlSearch } from '../../lib/use-url-search';
import { usePageProject } from '../api-keys/page-project';
import { activityQueryOptions } from './api/activity-queries';
import { ActivityFilter } from './activity-filter';
import { ActivityRows } from './activity-rows';
import { activityFilterUpdate, closeActivity, readActivityView } from './model/activity-view';

/** Who did what in the page's project: every write through the dashboard, newest first. */
export function ActivityPage() {
  const { project } = usePageProject();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Focus follows the view change, so a keyboard or screen-reader user lands on it.
  useEffect(() => headingRef.current?.focus(), []);
  const [search, setSearch] = useUrlSearch();
  const view = readActivityView(search);
  return (
    <section aria-labelledby="activity-heading" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2
          id="activity-heading"
          ref={headingRef}
          tabIndex={-1}
          className="text-xl font-semibold focus:outline-none"
        >
          Activity{project ? ` · ${project.name}` : ''}
        </h2>
        <Button onClick={() => setSearch(closeActivity())}>Back to the keys</Button>
      </div>
      <ActivityFilter
        value={view.key ?? ''}
        keyId={view.keyId}
        onChange={(text) => setSearch(activityFilterUpdate(text))}
      />
      {project ? (
        <ActivityResults projectId={project.id} keyName={view.key} keyId={view.keyId} />
      ) : (
        <p role="status">Loading the project…</p>
      )}
    </section>
  );
}

type ResultsProps = { projectId: number; keyName: string | null; keyId: string | null };

function ActivityResults({ projectId, keyName, keyId }: ResultsProps) {
  const query = useInfiniteQuery(activityQueryOptions({ projectId, key: keyName, keyId }));
  const [now] = useState(() => new Date());
  const firstNewRef = useRef<HTMLTableRowElement>(null);
  const [firstNewIndex, setFirstNewIndex] = useState<number | null>(null);
  const events = query.data?.pages.flatMap((page) => page.results) ?? [];
  const loadingOlder = query.isFetchingNextPage;
  // The button goes with the last page: focus moves to the first row it brought.
  useEffect(() => {
    if (!loadingOlder && firstNewIndex !== null) firstNewRef.current?.focus();
  }, [loadingOlder, firstNewIndex]);

  if (query.isPending) return <p role="status">Loading the activity…</p>;
  if (query.isError && events.length === 0) {
    return (
      <Alert>
        <p>
          Could not load the activity: {describeError(query.error)}. Check that you are signed in
          and the server is running, then retry.
        </p>
        <Button onClick={() => void query.refetch()} disabled={query.isFetching}>
          Retry
        </Button>
      </Alert>
    );
  }
  const forWhat = keyName ? ` for key ${keyName}` : '';
  return (
    <>
      <p role="status" className="text-fg-muted text-sm">
        {events.length === 0
          ? `No writes recorded${forWhat} yet.`
          : `${events.length} write${events.length === 1 ? '' : 's'}${forWhat}, newest first${query.hasNextPage ? '; older ones below' : ''}.`}
        {loadingOlder && ' Loading older writes…'}
      </p>
      {events.length === 0 ? (
        <p className="text-sm">
          Creating, editing, binding, rotating or deleting a key through this dashboard shows up
          here, with who did it.
        </p>
      ) : (
        <ActivityRows
          events={events}
          now={now}
          firstNewIndex={firstNewIndex}
          firstNewRef={firstNewRef}
        />
      )}
      {query.isFetchNextPageError && (
        <p role="alert" className="text-danger-fg text-sm">
          Could not load older writes: {describeError(query.error)}. Try again.
        </p>
      )}
      {query.hasNextPage && (
        <Button
          className="self-start"
          disabled={loadingOlder}
          onClick={() => {
            setFirstNewIndex(events.length);
            void query.fetchNextPage();
          }}
        >
          {loadingOlder ? 'Loading older…' : 'Load older'}
        </Button>
      )}
    </>
  );
}
