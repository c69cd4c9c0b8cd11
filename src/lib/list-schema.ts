import * as z from 'zod/mini';

/** Gcore wraps every collection in the same `{count, results}` envelope. */
export const listOf = <T extends z.ZodMiniType>(item: T) =>
  z.object({
    count: z.int().check(z.nonnegative()),
    results: z.array(item),
  });

export type ListOf<T> = { count: number; results: T[] };

/** The API caps `limit` at 1000 for every list call. */
export const MAX_PAGE_SIZE = 1000;

/** Follows `offset` through a list until every item is in: for callers that need all of them. */
export async function fetchAllPages<T>(
  fetchPage: (offset: number, limit: number) => Promise<ListOf<T>>,
): Promise<T[]> {
  const items: T[] = [];
  for (let offset = 0; ; offset += MAX_PAGE_SIZE) {
    const page = await fetchPage(offset, MAX_PAGE_SIZE);
    items.push(...page.results);
    if (page.results.length === 0 || items.length >= page.count) return items;
  }
}
