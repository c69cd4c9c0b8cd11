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
