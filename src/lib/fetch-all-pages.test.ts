import { describe, expect, it, vi } from 'vitest';
import { fetchAllPages, MAX_PAGES, PagingError } from './fetch-all-pages';
import { MAX_PAGE_SIZE, type ListOf } from './list-schema';

type Row = { id: string };
const rows = (from: number, to: number): Row[] =>
  Array.from({ length: to - from }, (_, i) => ({ id: `k${from + i}` }));
const keyOf = (row: Row) => row.id;

/** A well-behaved API over `total` rows, pages of at most `cap` (the API may cap `limit`). */
function honestApi(total: number, cap = MAX_PAGE_SIZE) {
  const all = rows(0, total);
  return vi.fn((offset: number, limit: number): Promise<ListOf<Row>> =>
    Promise.resolve({ count: total, results: all.slice(offset, offset + Math.min(limit, cap)) }),
  );
}

describe('fetchAllPages', () => {
  it('follows the offset until count is reached, and no further', async () => {
    const api = honestApi(2500);
    expect(await fetchAllPages(api, { keyOf })).toEqual(rows(0, 2500));
    expect(api.mock.calls).toEqual([
      [0, MAX_PAGE_SIZE],
      [1000, MAX_PAGE_SIZE],
      [2000, MAX_PAGE_SIZE],
    ]);
  });

  it('advances by what arrived when the API pages smaller than asked', async () => {
    const api = honestApi(250, 100);
    expect(await fetchAllPages(api, { keyOf })).toEqual(rows(0, 250));
    expect(api.mock.calls.map(([offset]) => offset)).toEqual([0, 100, 200]);
  });

  it('stops at an empty page when count was inflated', async () => {
    const api = vi.fn((offset: number) =>
      Promise.resolve({ count: 1_000_000, results: offset === 0 ? rows(0, 10) : [] }),
    );
    expect(await fetchAllPages(api, { keyOf })).toEqual(rows(0, 10));
    expect(api).toHaveBeenCalledTimes(2);
  });

  it('refuses an API that ignores the offset and answers the same rows again', async () => {
    const api = vi.fn(() => Promise.resolve({ count: 1_000_000, results: rows(0, 1000) }));
    const failure = fetchAllPages(api, { keyOf });
    await expect(failure).rejects.toThrow(PagingError);
    await expect(failure).rejects.toThrow(
      'The API answered offset 1000 with rows it had already sent: it ignores paging',
    );
    expect(api).toHaveBeenCalledTimes(2);
  });

  it('skips the few rows a create between two calls shifts into the next page', async () => {
    const api = vi.fn((offset: number) =>
      Promise.resolve({ count: 1500, results: offset === 0 ? rows(0, 1000) : rows(998, 1500) }),
    );
    expect(await fetchAllPages(api, { keyOf })).toEqual(rows(0, 1500));
  });

  it('stops at the page cap with an error that says so', async () => {
    const api = vi.fn((offset: number) =>
      Promise.resolve({ count: 1_000_000_000, results: rows(offset, offset + 1000) }),
    );
    await expect(fetchAllPages(api, { keyOf })).rejects.toThrow(
      `The list is longer than ${MAX_PAGES} pages (100,000 rows so far)`,
    );
    expect(api).toHaveBeenCalledTimes(MAX_PAGES);
  });
});
