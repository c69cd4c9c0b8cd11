import { memo, useCallback, useEffect, useMemo, useRef } from 'react';
import type { Deployment } from '../../deployments/api/deployment-schemas';
import type { ApiKey } from '../api/api-key-schemas';
import type { Sort } from '../model/keys-view';
import { ApiKeyRow, rowClock, type RowActions } from './api-key-row';
import { SortableHeader } from './sortable-header';

type ApiKeysTableProps = RowActions & {
  labelledBy: string;
  rows: ApiKey[];
  deployments: Deployment[] | undefined;
  sort: Sort;
  onSort: (sort: Sort) => void;
  newKeyIds: ReadonlySet<string>;
  /** A row to move focus to once it is on screen (the key just created). */
  focusKeyId: string | null;
  onFocused: () => void;
};

/** Memoised: the panel re-renders for reasons of its own (a refetch starting) that leave it alone. */
export const ApiKeysTable = memo(function ApiKeysTable({
  labelledBy,
  rows,
  deployments,
  sort,
  onSort,
  newKeyIds,
  focusKeyId,
  onFocused,
  ...actions
}: ApiKeysTableProps) {
  const rowRefs = useRef(new Map<string, HTMLTableRowElement>());
  const now = new Date();
  // Once per list of deployments, not once per row: a page holds up to 1000 rows.
  const deploymentsById = useMemo(
    () => deployments && new Map(deployments.map((deployment) => [deployment.id, deployment])),
    [deployments],
  );
  const onRowElement = useCallback((keyId: string, row: HTMLTableRowElement | null) => {
    if (row) rowRefs.current.set(keyId, row);
    else rowRefs.current.delete(keyId);
  }, []);

  useEffect(() => {
    if (!focusKeyId) return;
    const row = rowRefs.current.get(focusKeyId);
    if (!row) return;
    row.focus();
    row.scrollIntoView({ block: 'nearest' });
    onFocused();
  }, [focusKeyId, rows, onFocused]);

  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200">
      <table aria-labelledby={labelledBy} className="w-full border-collapse bg-white text-sm">
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            <SortableHeader field="name" label="Name" sort={sort} onSort={onSort} />
            <th scope="col" className="px-3 py-2 text-left font-semibold">
              Status
            </th>
            <th scope="col" className="px-3 py-2 text-left font-semibold">
              Description
            </th>
            <th scope="col" className="px-3 py-2 text-left font-semibold">
              Instances
            </th>
            <SortableHeader field="expires_at" label="Expires" sort={sort} onSort={onSort} />
            <SortableHeader field="created_at" label="Created" sort={sort} onSort={onSort} />
            <th scope="col" className="px-3 py-2 text-left font-semibold">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((apiKey) => (
            <ApiKeyRow
              key={apiKey.key_id}
              apiKey={apiKey}
              deploymentsById={deploymentsById}
              isNew={newKeyIds.has(apiKey.key_id)}
              clock={rowClock(apiKey, now)}
              onRowElement={onRowElement}
              {...actions}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
});
