import { MAX_PAGE_SIZE, type ListOf } from './list-schema';

/** 100 full pages: far beyond any real project, and still a bounded amount of work and memory. */
export const MAX_PAGES = 100;

/** The API's paging cannot be followed to the end; the message says why, for the user. */
export class PagingError extends Error {
  override name = 'PagingError';
}

type FetchAllPagesOptions<T> = {
  /** A stable identity per item: how a page that repeats earlier items is recognised. */
  keyOf: (item: T) => string;
  maxPages?: number;
};

/**
 * Follows `offset` through a list until every item is in, for callers that need all of them. It
 * stops at `count`, when a page brings nothing new (the offset no longer advances, or the API
 * ignores it and answers the same rows again), and at a page cap, so an API that misreports its
 * `count` can never make it loop, nor grow the page's memory, without end.
 */
export async function fetchAllPages<T>(
  fetchPage: (offset: number, limit: number) => Promise<ListOf<T>>,
  { keyOf, maxPages = MAX_PAGES }: FetchAllPagesOptions<T>,
): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<string>();
  let offset = 0;
  for (let pages = 0; pages < maxPages; pages += 1) {
    const page = await fetchPage(offset, MAX_PAGE_SIZE);
    // A key created or deleted between two calls shifts the pages: an overlap of a few rows is
    // normal and skipped, but a page of nothing new means the API does not page.
    const fresh = page.results.filter((item) => !seen.has(keyOf(item)));
    if (page.results.length > 0 && fresh.length === 0) {
      throw new PagingError(
        `The API answered offset ${offset} with rows it had already sent: it ignores paging, so ` +
          `the list stops at the first ${items.length}.`,
      );
    }
    fresh.forEach((item) => seen.add(keyOf(item)));
    items.push(...fresh);
    if (page.results.length === 0 || items.length >= page.count) return items;
    offset += page.results.length;
  }
  throw new PagingError(
    `The list is longer than ${maxPages} pages (${items.length.toLocaleString('en')} rows so far): ` +
      'stopped there rather than load it all into this page.',
  );
}
