import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  memo,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type RefObject,
} from 'react';
import { isUnreachable } from '../../../lib/api-down';
import { markFirstScreenShown } from '../../../lib/first-screen';
import { useApiDown } from '../../../lib/use-api-down';
import type { KeyRecord } from '../api/key-model';
import { deploymentRecordsQueryOptions } from '../api/key-queries';
import { useKeysAdapter } from '../api/keys-adapter-context';
import { useApiKeysView } from '../api/use-api-keys-view';
import type { KeysView } from '../model/keys-view';
import { newKeyStore, useNewKeys } from '../model/new-key-store';
import { ApiKeyDialogs, type OpenDialog } from '../manage/api-key-dialogs';
import { ExpiringSoonButton } from '../expiring-soon-button';
import { ApiKeysTable } from './api-keys-table';
import { JobsAnnouncer } from './jobs-announcer';
import { KeysAnnouncer, type Announcement } from './keys-announcer';
import { KeysEmptyState } from './keys-empty-state';
import { KeysFilter } from './keys-filter';
import { KeysLoadError, StaleKeysBanner } from './keys-list-state';
import { KeysWaitingForApi } from './keys-waiting-for-api';
import { KeysPagination } from './keys-pagination';
import { useFocusAfterDelete } from './use-focus-after-delete';
import { useRetireDecisions } from './use-retire-decisions';
import { useRowBindings } from './use-row-bindings';

export type ApiKeysPanelProps = {
  projectId: number | undefined;
  projectName: string | undefined;
  view: KeysView;
  onViewChange: (change: Partial<KeysView>, mode?: 'push' | 'replace') => void;
  /** The panel's heading, for the page to move focus to the list. */
  headingRef: RefObject<HTMLHeadingElement | null>;
};

/** Memoised: the page re-renders around it (a create, the sheet) without touching the list. */
export const ApiKeysPanel = memo(function ApiKeysPanel({
  projectId,
  projectName,
  view,
  onViewChange,
  headingRef,
}: ApiKeysPanelProps) {
  const headingId = useId();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);
  const announce = useCallback((text: string) => setAnnouncement({ text, at: Date.now() }), []);
  const sectionRef = useRef<HTMLElement>(null);
  const { query, rows, count } = useApiKeysView(view, projectId);
  const deployments = useQuery({
    ...deploymentRecordsQueryOptions(useKeysAdapter(), projectId ?? 0),
    enabled: projectId !== undefined,
  });
  const { jobs, jobLabels, pendingDeletions, failedBindings, rotations, onRetryBinding } =
    useRowBindings(projectId);
  const retirements = useRetireDecisions(announce);
  const { deleting, afterDelete } = useFocusAfterDelete(
    rows,
    sectionRef,
    headingRef,
    dialog !== null,
  );

  const lastPage = count === undefined ? undefined : Math.max(1, Math.ceil(count / view.pageSize));
  useEffect(() => {
    // A shared or stale link may point past the end: show the last page instead of nothing.
    if (lastPage !== undefined && view.page > lastPage) onViewChange({ page: lastPage }, 'replace');
  }, [lastPage, view.page, onViewChange]);

  const client = useQueryClient();
  const listShown = rows !== undefined || query.isError;
  useEffect(() => {
    if (listShown) markFirstScreenShown(client);
  }, [listShown, client]);

  const { focusId } = useNewKeys();
  useEffect(() => newKeyStore.listMounted(), []);
  useEffect(() => {
    // The new key is not in this view (another page, a filter): focus goes to the form instead.
    if (!focusId || query.isFetching || rows === undefined) return;
    if (!rows.some((key) => key.id === focusId)) newKeyStore.focusName();
  }, [focusId, query.isFetching, rows]);

  // Stable, so the (memoised) table skips the panel's re-renders that leave its rows alone: a
  // background refetch starting, say, which would otherwise re-render every row.
  const onSort = useCallback((sort: KeysView['sort']) => onViewChange({ sort }), [onViewChange]);
  // Stable too: the filter's debounce restarts whenever its onChange changes.
  const onFilter = useCallback(
    (filter: string) => onViewChange({ filter }, 'replace'),
    [onViewChange],
  );
  const onDetails = useCallback(
    (key: KeyRecord) => onViewChange({ keyId: key.id }),
    [onViewChange],
  );
  const onEdit = useCallback((key: KeyRecord) => setDialog({ kind: 'edit', key }), []);
  const onRotate = useCallback((key: KeyRecord) => setDialog({ kind: 'rotate', key }), []);
  const takenNames = useMemo(() => new Set(rows?.map((key) => key.name)), [rows]);
  const onDelete = useCallback(
    (key: KeyRecord) => {
      deleting(key);
      setDialog({ kind: 'delete', key });
    },
    [deleting],
  );
  const stale = query.isError && rows !== undefined;
  // The page's banner says the API cannot be reached; the panel does not say it again.
  const apiDown = useApiDown() !== null;
  const filterRef = useRef<HTMLInputElement>(null);
  const clearFilter = useCallback(() => {
    onFilter('');
    // The Clear button goes with the empty state: the filter, now empty, takes focus.
    filterRef.current?.focus();
  }, [onFilter]);
  // A project with no key at all has nothing to filter.
  const nothingToFilter = rows?.length === 0 && view.filter.trim() === '';

  return (
    <section
      ref={sectionRef}
      aria-labelledby={headingId}
      className="border-line bg-surface flex min-w-0 flex-col gap-4 rounded-xl border p-4 shadow-sm sm:p-6"
    >
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2
            id={headingId}
            ref={headingRef}
            tabIndex={-1}
            className="text-lg font-semibold focus:outline-none"
          >
            API keys
          </h2>
          <p className="text-fg-muted text-sm">
            {projectName ? `In project ${projectName}` : apiDown ? '' : 'Loading projects…'}
          </p>
        </div>
        {!nothingToFilter && (
          <KeysFilter value={view.filter} onChange={onFilter} inputRef={filterRef} />
        )}
      </div>
      <ExpiringSoonButton view={view} projectId={projectId} onViewChange={onViewChange} />
      <KeysAnnouncer message={announcement} />
      <JobsAnnouncer jobs={jobs} />
      {stale && (
        <StaleKeysBanner
          error={query.error}
          updatedAt={query.dataUpdatedAt}
          onRetry={() => void query.refetch()}
          apiDown={apiDown}
        />
      )}
      {query.isError && !stale && !isUnreachable(query.error) ? (
        <KeysLoadError error={query.error} onRetry={() => void query.refetch()} />
      ) : rows === undefined && apiDown ? (
        <KeysWaitingForApi />
      ) : rows === undefined ? (
        <p role="status" aria-busy="true" className="text-fg-muted py-8 text-center text-sm">
          Loading API keys…
        </p>
      ) : rows.length === 0 ? (
        <KeysEmptyState filter={view.filter.trim()} onClearFilter={clearFilter} />
      ) : (
        <ApiKeysTable
          labelledBy={headingId}
          rows={rows}
          deployments={deployments.data}
          sort={view.sort}
          onSort={onSort}
          jobLabels={jobLabels}
          pendingDeletions={pendingDeletions}
          failedBindings={failedBindings}
          onRetryBinding={onRetryBinding}
          onDetails={onDetails}
          onEdit={onEdit}
          onDelete={onDelete}
          onRotate={onRotate}
          rotations={rotations}
          onRetireNow={retirements.onRetireNow}
          onKeep={retirements.onKeep}
        />
      )}
      {count !== undefined && count > 0 && (
        <KeysPagination
          page={Math.min(view.page, lastPage ?? view.page)}
          pageSize={view.pageSize}
          count={count}
          onPage={(page) => onViewChange({ page })}
          onPageSize={(pageSize) => onViewChange({ pageSize })}
        />
      )}
      <ApiKeyDialogs
        dialog={dialog}
        detailsKeyId={view.keyId}
        projectId={projectId}
        deployments={deployments.data}
        onOpen={setDialog}
        onCloseDetails={() => onViewChange({ keyId: null })}
        onClose={() => setDialog(null)}
        onAnnounce={announce}
        // To the next row, after the dialog has gone: a modal leaves the page inert while open.
        onFocusList={afterDelete}
        takenNames={takenNames}
        retireNow={
          retirements.asking && {
            job: retirements.asking,
            confirm: retirements.confirm,
            cancel: retirements.cancel,
          }
        }
      />
    </section>
  );
});
