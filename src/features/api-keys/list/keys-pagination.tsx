import { useId } from 'react';
import { Button } from '../../../components/ui/button';
import { describeRange, PAGE_SIZES } from '../model/keys-view';

type KeysPaginationProps = {
  page: number;
  pageSize: number;
  count: number;
  onPage: (page: number) => void;
  onPageSize: (size: number) => void;
};

export function KeysPagination({ page, pageSize, count, onPage, onPageSize }: KeysPaginationProps) {
  const id = useId();
  const lastPage = Math.max(1, Math.ceil(count / pageSize));
  return (
    <nav
      aria-label="Pages of API keys"
      className="flex flex-wrap items-center justify-between gap-3 text-sm"
    >
      <div className="flex items-center gap-2">
        <label htmlFor={id}>Rows per page</label>
        <select
          id={id}
          value={pageSize}
          onChange={(event) => onPageSize(Number(event.target.value))}
          className="border-line-strong bg-surface rounded-md border px-2 py-1"
        >
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </div>
      <p aria-live="polite" className="tabular-nums">
        {describeRange(page, pageSize, count)}
      </p>
      <div className="flex gap-2">
        <Button disabled={page <= 1} onClick={() => onPage(Math.min(page - 1, lastPage))}>
          Previous page
        </Button>
        <Button disabled={page >= lastPage} onClick={() => onPage(page + 1)}>
          Next page
        </Button>
      </div>
    </nav>
  );
}
