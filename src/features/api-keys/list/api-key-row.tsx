import { memo, useContext } from 'react';
import { RowMenu } from '../../../components/ui/row-menu';
import { TimeWithUtc } from '../../../components/ui/time-with-utc';
import type { DeploymentRecord } from '../../deployments/api/deployment-record';
import type { KeyRecord } from '../api/key-model';
import { KeyStatusBadge } from '../shared/key-status-badge';
import type { BindingFailure } from '../../jobs/model/job-failures';
import { BindingFailedMark } from './binding-failed-mark';
import { KeyDeploymentsCell } from './key-deployments-cell';
import { PendingTag } from './pending-tag';
import { RotationMark } from './rotation-mark';
import type { Job } from '../../jobs/api/job-contract';
import type { RowActions, RowClock } from './api-key-row-props';
import { JumpToEdgeContext, moveInTable } from './move-across-rows';

type ApiKeyRowProps = RowActions & {
  apiKey: KeyRecord;
  /** Undefined while the deployments load. */
  deploymentsById: ReadonlyMap<string, DeploymentRecord> | undefined;
  isNew: boolean;
  clock: RowClock;
  /** v3: what a job on the server is doing to this key now ("binding 1 of 2"), or null. */
  jobLabel: string | null;
  /** Its bindings or deletion that did not land (v3), kept until a retry lands. */
  failures: readonly BindingFailure[];
  deleting: boolean;
  /** A rotation's old key: its open retirement and where it stands, in words; null for none. */
  rotation: { job: Job; words: string } | null;
  onRowElement: (keyId: string, row: HTMLTableRowElement | null) => void;
  /** Its place in the page, given only where the table renders some rows (virtualised). */
  rowIndex?: number;
  /** Rows are cards (a narrow screen): each fact carries its label (`useCardLayout`). */
  cardLabels: boolean;
};

/** Cells are table cells from `md` up and a card's lines below it (see the table). */
const cell = 'px-3 py-2 max-md:p-0';
const cardLabel = 'text-fg-muted mr-1 md:hidden';

/**
 * One tab stop per row: the name. It opens the details, which offer Edit and Delete too, so Tab
 * alone reaches every action; Left/Right (and Home/End) move along the row to the deployments,
 * the two times and the actions menu. The menu button as the stop instead would leave the exact
 * times and the deployment names unreachable by keyboard, and a grid would cost users the Tab key
 * they expect in a page. Memoised on what it shows, so a refetch re-renders only changed rows.
 */
export const ApiKeyRow = memo(function ApiKeyRow({
  apiKey,
  deploymentsById,
  isNew,
  clock,
  jobLabel,
  failures,
  deleting,
  rotation,
  onRowElement,
  rowIndex,
  cardLabels,
  ...actions
}: ApiKeyRowProps) {
  const expiresAt = apiKey.expiresAt ? new Date(apiKey.expiresAt) : null;
  const createdAt = new Date(apiKey.createdAt);
  const jumpToEdge = useContext(JumpToEdgeContext);
  return (
    <tr
      ref={(row) => onRowElement(apiKey.id, row)}
      tabIndex={-1}
      data-key-id={apiKey.id}
      // The virtualiser's index (it measures the row by it); aria's counts from 1, the header first.
      data-index={rowIndex}
      aria-rowindex={rowIndex === undefined ? undefined : rowIndex + 2}
      onKeyDown={(event) => moveInTable(event, jumpToEdge)}
      className={`focus:outline-focus border-line border-t align-top focus:outline-2 max-md:grid max-md:grid-cols-[minmax(0,1fr)_auto] max-md:gap-x-3 max-md:gap-y-1.5 max-md:rounded-lg max-md:border max-md:p-3 ${isNew ? 'bg-success-subtle' : ''}`}
    >
      <td className={`${cell} max-w-80 min-w-36 wrap-anywhere max-md:max-w-none`}>
        <button
          type="button"
          data-row-stop=""
          onClick={() => actions.onDetails(apiKey)}
          className="focus-visible:outline-focus text-left font-medium hover:underline focus-visible:outline-2"
        >
          {apiKey.name}
        </button>
        {apiKey.description && (
          <p className="text-fg-muted line-clamp-2 text-xs">{apiKey.description}</p>
        )}
        {rotation && (
          <RotationMark
            job={rotation.job}
            words={rotation.words}
            onRetireNow={actions.onRetireNow}
            onKeep={actions.onKeep}
          />
        )}
      </td>
      <td className={`${cell} max-md:col-span-2 max-md:row-start-2`}>
        <div className="flex flex-wrap gap-1">
          <KeyStatusBadge status={clock.status} />
          {isNew && (
            <span className="bg-success-solid text-success-solid-fg rounded px-1.5 py-0.5 text-xs font-semibold">
              New
            </span>
          )}
          {deleting && <PendingTag>deleting…</PendingTag>}
        </div>
      </td>
      <td className={`${cell} max-md:col-span-2 max-md:flex`}>
        {cardLabels && <span className={cardLabel}>Deployments:</span>}
        <KeyDeploymentsCell
          refs={apiKey.deploymentRefs}
          deploymentsById={deploymentsById}
          jobLabel={jobLabel}
          failedMark={
            failures.length > 0 && (
              <BindingFailedMark failures={failures} onRetry={actions.onRetryBinding} />
            )
          }
        />
      </td>
      <td className={`${cell} whitespace-nowrap max-md:col-span-2 max-md:flex`}>
        {cardLabels && <span className={cardLabel}>Expires:</span>}
        {expiresAt && !Number.isNaN(expiresAt.getTime()) ? (
          <TimeWithUtc date={expiresAt} relativeTo={new Date()} tabIndex={-1}>
            {clock.expires}
          </TimeWithUtc>
        ) : (
          clock.expires
        )}
      </td>
      <td className={`${cell} whitespace-nowrap max-md:col-span-2 max-md:flex`}>
        {cardLabels && <span className={cardLabel}>Created:</span>}
        {Number.isNaN(createdAt.getTime()) ? (
          apiKey.createdAt
        ) : (
          <TimeWithUtc date={createdAt} tabIndex={-1}>
            {clock.created}
          </TimeWithUtc>
        )}
      </td>
      <td className={`w-12 px-3 py-1 text-right max-md:col-start-2 max-md:row-start-1 max-md:p-0`}>
        <RowMenu
          label={`Actions for ${apiKey.name}`}
          tabIndex={-1}
          items={[
            { label: 'Details', onSelect: () => actions.onDetails(apiKey) },
            { label: 'Edit', onSelect: () => actions.onEdit(apiKey) },
            { label: 'Rotate', onSelect: () => actions.onRotate(apiKey) },
            { label: 'Delete', onSelect: () => actions.onDelete(apiKey), danger: true },
          ]}
        />
      </td>
    </tr>
  );
}, sameRow);

function sameRow(before: ApiKeyRowProps, after: ApiKeyRowProps): boolean {
  const [a, b] = [before.clock, after.clock];
  return (
    before.apiKey === after.apiKey &&
    before.deploymentsById === after.deploymentsById &&
    before.isNew === after.isNew &&
    before.jobLabel === after.jobLabel &&
    before.failures === after.failures &&
    before.onRetryBinding === after.onRetryBinding &&
    before.deleting === after.deleting &&
    before.rowIndex === after.rowIndex &&
    before.cardLabels === after.cardLabels &&
    before.rotation?.job === after.rotation?.job &&
    before.rotation?.words === after.rotation?.words &&
    before.onRetireNow === after.onRetireNow &&
    before.onKeep === after.onKeep &&
    before.onRowElement === after.onRowElement &&
    before.onDetails === after.onDetails &&
    before.onEdit === after.onEdit &&
    before.onDelete === after.onDelete &&
    before.onRotate === after.onRotate &&
    a.status.kind === b.status.kind &&
    a.status.label === b.status.label &&
    a.expires === b.expires &&
    a.created === b.created
  );
}
