import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-error';

/** Reads may be retried once when the failure is transient; writes never retry on their own. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failureCount, error) =>
          failureCount < 1 &&
          isApiError(error) &&
          (error.kind === 'network' || (error.status ?? 0) >= 500),
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
