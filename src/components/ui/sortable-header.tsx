type SortableHeaderProps = {
  label: string;
  /** This column's direction, or null when the table is sorted by another one. */
  direction: 'asc' | 'desc' | null;
  onSort: () => void;
};

/** A column header whose button sorts by it; `aria-sort` tells screen readers the order. */
export function SortableHeader({ label, direction, onSort }: SortableHeaderProps) {
  const ariaSort = direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none';
  return (
    <th scope="col" aria-sort={ariaSort} className="px-3 py-2 text-left">
      <button
        type="button"
        onClick={onSort}
        className="focus-visible:outline-focus inline-flex items-center gap-1 rounded font-semibold hover:underline focus-visible:outline-2"
      >
        {label}
        <span aria-hidden="true" className={direction ? 'text-fg' : 'text-fg-subtle'}>
          {direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : '↕'}
        </span>
      </button>
    </th>
  );
}
