import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-error';

/**
 * Reads may be retried once when the failure is quick and transient (a dropped connection, a
 * 5xx); a time-out is not retried, so a panel says so within the client's time-out instead of
 * twice that. Writes never retry on their own.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failureCount, error) =>
          failureCount < 1 &&
          isApiError(error) &&
          (error.kind === 'network' || (error.status ?? 0) >= 500),
        retryDelay: 500,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
