import { memo } from 'react';
import { Button } from '../../../components/ui/button';
import { formatExpiry, formatRelative } from '../../../lib/format-relative';
import type { DeploymentRecord, KeyRecord } from '../api/key-model';
import { keyStatus, type KeyStatus } from '../model/key-status';
import { DeploymentNames } from '../shared/deployment-names';
import { KeyStatusBadge } from '../shared/key-status-badge';
import { TimeWithUtc } from '../../../components/ui/time-with-utc';

export type RowActions = {
  onDetails: (key: KeyRecord) => void;
  onEdit: (key: KeyRecord) => void;
  onDelete: (key: KeyRecord) => void;
};

/** What a row shows that depends on the clock, worked out by the table for the time it renders. */
export type RowClock = { status: KeyStatus; expires: string; created: string };

export function rowClock(apiKey: KeyRecord, now: Date): RowClock {
  const createdAt = new Date(apiKey.createdAt);
  return {
    status: keyStatus(apiKey, now),
    expires: formatExpiry(apiKey.expiresAt, now),
    created: Number.isNaN(createdAt.getTime()) ? apiKey.createdAt : formatRelative(createdAt, now),
  };
}

type ApiKeyRowProps = RowActions & {
  apiKey: KeyRecord;
  /** Undefined while the deployments load. */
  deploymentsById: ReadonlyMap<string, DeploymentRecord> | undefined;
  isNew: boolean;
  clock: RowClock;
  onRowElement: (keyId: string, row: HTMLTableRowElement | null) => void;
};

/**
 * Memoised on what it shows: a refetch, a new key or a page of 1000 re-renders only the rows whose
 * key, bindings or clock texts changed (the list keeps unchanged keys' objects across refetches).
 */
export const ApiKeyRow = memo(function ApiKeyRow({
  apiKey,
  deploymentsById,
  isNew,
  clock,
  onRowElement,
  ...actions
}: ApiKeyRowProps) {
  const expiresAt = apiKey.expiresAt ? new Date(apiKey.expiresAt) : null;
  const createdAt = new Date(apiKey.createdAt);
  return (
    <tr
      ref={(row) => onRowElement(apiKey.id, row)}
      tabIndex={-1}
      className={`focus:outline-focus border-line border-t align-top focus:outline-2 ${isNew ? 'bg-success-subtle' : ''}`}
    >
      <td className="max-w-72 min-w-44 px-3 py-2 font-medium wrap-anywhere">{apiKey.name}</td>
      <td className="px-3 py-2">
        <div className="flex flex-wrap gap-1">
          <KeyStatusBadge status={clock.status} />
          {isNew && (
            <span className="bg-success-solid text-success-solid-fg rounded px-1.5 py-0.5 text-xs font-semibold">
              New
            </span>
          )}
        </div>
      </td>
      <td className="text-fg-muted max-w-64 min-w-40 px-3 py-2 wrap-anywhere">
        {apiKey.description || <span className="text-fg-muted">—</span>}
      </td>
      <td className="max-w-64 min-w-40 px-3 py-2">
        <DeploymentNames ids={apiKey.deploymentRefs} deploymentsById={deploymentsById} limit={3} />
      </td>
      <td className="px-3 py-2 whitespace-nowrap">
        {expiresAt && !Number.isNaN(expiresAt.getTime()) ? (
          <TimeWithUtc date={expiresAt}>
            <span>{clock.expires}</span>
            <span className="text-fg-muted text-xs">{expiresAt.toLocaleString()}</span>
          </TimeWithUtc>
        ) : (
          <span>{clock.expires}</span>
        )}
      </td>
      <td className="px-3 py-2 whitespace-nowrap">
        {Number.isNaN(createdAt.getTime()) ? (
          apiKey.createdAt
        ) : (
          <TimeWithUtc date={createdAt}>{clock.created}</TimeWithUtc>
        )}
      </td>
      <td className="px-3 py-2">
        <div className="flex gap-1">
          <RowButton label="Details" name={apiKey.name} onClick={() => actions.onDetails(apiKey)} />
          <RowButton label="Edit" name={apiKey.name} onClick={() => actions.onEdit(apiKey)} />
          <RowButton label="Delete" name={apiKey.name} onClick={() => actions.onDelete(apiKey)} />
        </div>
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
    before.onRowElement === after.onRowElement &&
    before.onDetails === after.onDetails &&
    before.onEdit === after.onEdit &&
    before.onDelete === after.onDelete &&
    a.status.kind === b.status.kind &&
    a.status.label === b.status.label &&
    a.expires === b.expires &&
    a.created === b.created
  );
}

function RowButton({ label, name, onClick }: { label: string; name: string; onClick: () => void }) {
  return (
    // The visible word starts the name, so voice control ("click Edit") still finds it.
    <Button variant="ghost" className="px-2 py-1" aria-label={`${label} ${name}`} onClick={onClick}>
      {label}
    </Button>
  );
}
