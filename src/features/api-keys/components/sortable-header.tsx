import type { Sort, SortField } from '../model/keys-view';

type SortableHeaderProps = {
  field: SortField;
  label: string;
  sort: Sort;
  onSort: (sort: Sort) => void;
};

/** A column header that sorts through the API's `order_by`; a second click flips the direction. */
export function SortableHeader({ field, label, sort, onSort }: SortableHeaderProps) {
  const active = sort.field === field;
  const ariaSort = active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none';
  const next: Sort = { field, direction: active && sort.direction === 'asc' ? 'desc' : 'asc' };
  return (
    <th scope="col" aria-sort={ariaSort} className="px-3 py-2 text-left">
      <button
        type="button"
        onClick={() => onSort(next)}
        className="inline-flex items-center gap-1 rounded font-semibold hover:underline focus-visible:outline-2 focus-visible:outline-slate-700"
      >
        {label}
        <span aria-hidden="true" className={active ? 'text-slate-900' : 'text-slate-400'}>
          {active ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}
