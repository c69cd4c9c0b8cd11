import { memo, useCallback, useEffect, useId, useMemo, useRef } from 'react';
import { SortableHeader } from '../../../components/ui/sortable-header';
import { failuresSince, type BindingFailure } from '../../jobs/model/job-failures';
import type { DeploymentRecord } from '../../deployments/api/deployment-record';
import type { KeyRecord } from '../api/key-model';
import type { Sort, SortField } from '../model/keys-view';
import { newKeyStore, useNewKeys } from '../model/new-key-store';
import { byId } from '../shared/deployment-names';
import { ApiKeyRow } from './api-key-row';
import { rowClock, type RowActions } from './api-key-row-props';
import { useCardLayout } from './use-card-layout';
import { useVirtualKeyRows } from './use-virtual-key-rows';
import type { RowElementCallback } from './virtual-key-rows';
import type { Job } from '../../jobs/api/job-contract';
import { retirementWords } from '../../jobs/model/key-rotations';

type ApiKeysTableProps = RowActions & {
  labelledBy: string;
  rows: KeyRecord[];
  deployments: DeploymentRecord[] | undefined;
  sort: Sort;
  onSort: (sort: Sort) => void;
  /** Key name → what its running job is doing, "binding 1 of 2" (v3; empty where binding is inline). */
  jobLabels: ReadonlyMap<string, string>;
  /** Names of keys being detached and deleted (v3). */
  pendingDeletions: ReadonlySet<string>;
  /** Key name → its bindings in this project that did not land (v3). */
  failedBindings: ReadonlyMap<string, readonly BindingFailure[]>;
  /** Key id → its open retirement (a rotation's old key). */
  rotations: ReadonlyMap<string, Job>;
};

const NO_FAILURES: readonly BindingFailure[] = [];

/** More rows than a tall screen shows: past this the body renders only the rows in view. */
export const VIRTUAL_ROWS_OVER = 50;
const bodyClass = 'max-md:flex max-md:flex-col max-md:gap-3';
const rotationOf = (job: Job | undefined, now: Date) =>
  job ? { job, words: retirementWords(job, now) } : null;

/** Memoised: the panel re-renders for reasons of its own (a refetch starting) that leave it alone. */
export const ApiKeysTable = memo(function ApiKeysTable({
  labelledBy,
  rows,
  deployments,
  sort,
  onSort,
  jobLabels,
  pendingDeletions,
  failedBindings,
  rotations,
  ...actions
}: ApiKeysTableProps) {
  const hintId = useId();
  const rowRefs = useRef(new Map<string, HTMLTableRowElement>());
  const { ids: newKeyIds, focusId } = useNewKeys();
  const now = new Date();
  const cards = useCardLayout();
  // Once per list of deployments, not once per row: a page holds up to 1000 rows.
  const deploymentsById = useMemo(() => deployments && byId(deployments), [deployments]);
  const onRowElement = useCallback<RowElementCallback>((keyId, row) => {
    if (row) rowRefs.current.set(keyId, row);
    else rowRefs.current.delete(keyId);
  }, []);
  const big = rows.length > VIRTUAL_ROWS_OVER;
  const VirtualKeyRows = useVirtualKeyRows(big);
  const virtual = big && VirtualKeyRows !== 'plain';

  useEffect(() => {
    const row = focusId && rowRefs.current.get(focusId);
    if (!row) return;
    row.focus();
    row.scrollIntoView({ block: 'nearest' });
    newKeyStore.focused();
  }, [focusId, rows]);

  const renderRow = (
    apiKey: KeyRecord,
    rowIndex: number | undefined,
    onElement: RowElementCallback,
  ) => (
    <ApiKeyRow
      key={apiKey.id}
      apiKey={apiKey}
      deploymentsById={deploymentsById}
      isNew={newKeyIds.has(apiKey.id)}
      clock={rowClock(apiKey, now)}
      jobLabel={jobLabels.get(apiKey.name) ?? null}
      failures={failuresSince(failedBindings.get(apiKey.name) ?? NO_FAILURES, apiKey.createdAt)}
      deleting={pendingDeletions.has(apiKey.name)}
      rotation={rotationOf(rotations.get(apiKey.id), now)}
      onRowElement={onElement}
      rowIndex={rowIndex}
      cardLabels={cards}
      {...actions}
    />
  );

  const header = (field: SortField, label: string) => (
    <SortableHeader
      label={label}
      direction={sort.field === field ? sort.direction : null}
      onSort={() =>
        onSort({
          field,
          direction: sort.field === field && sort.direction === 'asc' ? 'desc' : 'asc',
        })
      }
    />
  );

  // From `md` up a table; below it the same markup, restyled: the header row turns into a bar of
  // sort buttons and each row into a card (grid), so phones get cards with the same facts and menu.
  const plainHeader = 'px-3 py-2 text-left font-semibold max-md:hidden';
  return (
    <div className="md:border-line relative overflow-x-auto md:rounded-lg md:border">
      <table
        aria-labelledby={labelledBy}
        aria-describedby={hintId}
        // A big page renders some of its rows: the count and each row's place say where they are.
        aria-rowcount={virtual ? rows.length + 1 : undefined}
        className="md:bg-surface w-full border-collapse text-sm max-md:block"
      >
        <thead className="md:bg-canvas text-fg-muted max-md:block">
          {/* On a phone the cells lose their padding and sit closer, so "Sort by" and the three
              sort buttons stay one line down to 360 px. */}
          <tr
            aria-rowindex={virtual ? 1 : undefined}
            className="max-md:flex max-md:flex-wrap max-md:items-center max-md:gap-x-3 max-md:pb-2 max-md:*:p-0"
          >
            <th scope="col" className="text-xs font-normal md:hidden">
              Sort by
            </th>
            {header('name', 'Name')}
            <th scope="col" className={plainHeader}>
              Status
            </th>
            <th scope="col" className={plainHeader}>
              Deployments
            </th>
            {header('expires_at', 'Expires')}
            {header('created_at', 'Created')}
            <th scope="col" className={plainHeader}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        {virtual && VirtualKeyRows ? (
          <VirtualKeyRows
            rows={rows}
            renderRow={renderRow}
            onRowElement={onRowElement}
            wantedId={focusId}
            className={bodyClass}
          />
        ) : (
          <tbody className={bodyClass}>
            {virtual
              ? // Until the virtualised body is in, the first screenful.
                rows
                  .slice(0, VIRTUAL_ROWS_OVER)
                  .map((apiKey, index) => renderRow(apiKey, index, onRowElement))
              : rows.map((apiKey) => renderRow(apiKey, undefined, onRowElement))}
          </tbody>
        )}
      </table>
      <p id={hintId} className="sr-only">
        In a row, the name opens the key&apos;s details; Left and Right arrows move to its
        deployments, dates and actions menu; Control with Home or End goes to the first or last row.
      </p>
    </div>
  );
});
