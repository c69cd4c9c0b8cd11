import { QueryCache, QueryClient } from '@tanstack/react-query';
import { downError, readOutages, type ReadQuery } from './api-down';
import { isApiError } from './api-error';

/** A read that cannot reach the API and is not asking right now: it asks again by itself. */
const isDown = (query: ReadQuery) =>
  query.state.fetchStatus === 'idle' && downError(query) !== null;

/**
 * Reads are retried once, a second later, when the failure is quick and transient (a dropped
 * connection, a 5xx); a time-out is not, so the page says so within the client's time-out
 * instead of twice that. A read that still cannot reach the API then asks again by itself, ever
 * less often (2 s, 4 s, … every 30 s), and at once when the window regains focus or the browser
 * comes back online, so the page recovers without a click. Writes never retry on their own.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => readOutages.failed(query, error),
      onSuccess: (_data, query) => readOutages.answered(query),
    }),
    defaultOptions: {
      queries: {
        retry: (failureCount, error) =>
          failureCount < 1 &&
          isApiError(error) &&
          (error.kind === 'network' || (error.status ?? 0) >= 500),
        retryDelay: 1_000,
        refetchInterval: (query) => (isDown(query) ? readOutages.waitMs(query) : false),
        refetchOnWindowFocus: isDown,
        refetchOnReconnect: true,
      },
      mutations: { retry: false },
    },
  });
}
