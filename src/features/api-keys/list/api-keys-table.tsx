import { memo, useCallback, useEffect, useMemo, useRef } from 'react';
import { SortableHeader } from '../../../components/ui/sortable-header';
import type { DeploymentRecord, KeyRecord } from '../api/key-model';
import type { Sort, SortField } from '../model/keys-view';
import { newKeyStore, useNewKeys } from '../model/new-key-store';
import { byId } from '../shared/deployment-names';
import { ApiKeyRow, rowClock, type RowActions } from './api-key-row';

type ApiKeysTableProps = RowActions & {
  labelledBy: string;
  rows: KeyRecord[];
  deployments: DeploymentRecord[] | undefined;
  sort: Sort;
  onSort: (sort: Sort) => void;
};

/** Memoised: the panel re-renders for reasons of its own (a refetch starting) that leave it alone. */
export const ApiKeysTable = memo(function ApiKeysTable({
  labelledBy,
  rows,
  deployments,
  sort,
  onSort,
  ...actions
}: ApiKeysTableProps) {
  const rowRefs = useRef(new Map<string, HTMLTableRowElement>());
  const { ids: newKeyIds, focusId } = useNewKeys();
  const now = new Date();
  // Once per list of deployments, not once per row: a page holds up to 1000 rows.
  const deploymentsById = useMemo(() => deployments && byId(deployments), [deployments]);
  const onRowElement = useCallback((keyId: string, row: HTMLTableRowElement | null) => {
    if (row) rowRefs.current.set(keyId, row);
    else rowRefs.current.delete(keyId);
  }, []);

  useEffect(() => {
    const row = focusId && rowRefs.current.get(focusId);
    if (!row) return;
    row.focus();
    row.scrollIntoView({ block: 'nearest' });
    newKeyStore.focused();
  }, [focusId, rows]);

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

  return (
    <div className="border-line relative overflow-x-auto rounded-lg border">
      <table aria-labelledby={labelledBy} className="bg-surface w-full border-collapse text-sm">
        <thead className="bg-canvas text-fg-muted">
          <tr>
            {header('name', 'Name')}
            <th scope="col" className="px-3 py-2 text-left font-semibold">
              Status
            </th>
            <th scope="col" className="px-3 py-2 text-left font-semibold">
              Description
            </th>
            <th scope="col" className="px-3 py-2 text-left font-semibold">
              Instances
            </th>
            {header('expires_at', 'Expires')}
            {header('created_at', 'Created')}
            <th scope="col" className="px-3 py-2 text-left font-semibold">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((apiKey) => (
            <ApiKeyRow
              key={apiKey.id}
              apiKey={apiKey}
              deploymentsById={deploymentsById}
              isNew={newKeyIds.has(apiKey.id)}
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
