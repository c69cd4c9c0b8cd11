import type { QueryState } from '@tanstack/react-query';
import { isApiError } from './api-error';

/**
 * Gcore's API cannot be reached: no connection, no answer in time, or the API (or the
 * dashboard's gateway in front of it) failing with a 5xx. Waiting and asking again may help;
 * nothing the user can change will.
 */
export const isUnreachable = (error: unknown): boolean =>
  isApiError(error) &&
  (error.kind === 'network' || error.kind === 'timeout' || (error.status ?? 0) >= 500);

/** What is read of a query here, whatever its data and error types. */
export type ReadQuery = {
  readonly state: Pick<
    QueryState<unknown, unknown>,
    'status' | 'fetchStatus' | 'error' | 'fetchFailureReason'
  >;
};

type Outage = { failures: number; error: unknown };
/** Per read, its failed fetches in a row and the last one's error: an answer ends the outage. */
const outages = new WeakMap<ReadQuery, Outage>();

const FIRST_WAIT_MS = 2_000;
const LONGEST_WAIT_MS = 30_000;

/** Fed by the query cache (see `createQueryClient`). */
export const readOutages = {
  failed(query: ReadQuery, error: unknown): void {
    if (!isUnreachable(error)) return void outages.delete(query);
    outages.set(query, { failures: (outages.get(query)?.failures ?? 0) + 1, error });
  },
  answered(query: ReadQuery): void {
    outages.delete(query);
  },
  /** How long a read that cannot reach the API waits to ask again: 2, 4, 8, 16, then 30 s. */
  waitMs(query: ReadQuery): number {
    const failures = Math.max(1, outages.get(query)?.failures ?? 1);
    return Math.min(FIRST_WAIT_MS * 2 ** (failures - 1), LONGEST_WAIT_MS);
  },
};

/**
 * The error that says a read cannot reach the API, or null. Down from its first failure on
 * (while the quick retry runs, so the page says so at once) until an answer arrives: asking
 * again is no answer, so the page does not flicker back to "loading" on every try.
 */
export function downError(query: ReadQuery): unknown {
  const { status, error, fetchFailureReason } = query.state;
  if (status === 'error') return isUnreachable(error) ? error : null;
  if (status !== 'pending') return null;
  if (isUnreachable(fetchFailureReason)) return fetchFailureReason;
  return outages.get(query)?.error ?? null;
}
