import { useQueryClient, type Query } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import { Button } from '../../components/ui/button';
import { isApiError } from '../../lib/api-error';
import { describeError } from '../../lib/describe-error';
import { projectKeys } from '../projects/api/get-projects';
import { apiKeyKeys } from './api/api-key-query-keys';

/** The page's own reads: when these fail, nothing on the page can work. */
const isPageRead = (query: Query) => {
  const [root] = query.queryKey;
  return root === projectKeys.all[0] || root === apiKeyKeys.all[0];
};

/** Cannot reach the API at all: no connection, no answer in time, or the API itself failing. */
const isUnreachable = (error: unknown) =>
  isApiError(error) &&
  (error.kind === 'network' || error.kind === 'timeout' || (error.status ?? 0) >= 500);

function useUnreachableError(): unknown {
  const cache = useQueryClient().getQueryCache();
  const subscribe = useCallback((onChange: () => void) => cache.subscribe(onChange), [cache]);
  const read = useCallback(
    () =>
      cache
        .findAll({ predicate: isPageRead })
        .find((query) => query.state.status === 'error' && isUnreachable(query.state.error))?.state
        .error ?? null,
    [cache],
  );
  return useSyncExternalStore(subscribe, read, () => null);
}

/** One page-level banner when the API cannot be reached, with the cause and Retry. */
export function ApiDownBanner() {
  const queryClient = useQueryClient();
  const error = useUnreachableError();
  const retry = () =>
    void queryClient.refetchQueries({
      predicate: (query) => isPageRead(query) && query.state.status === 'error',
    });
  if (error === null) return null;
  return (
    <div
      role="alert"
      aria-label="The API cannot be reached"
      className="border-danger-line bg-danger-subtle text-danger-fg flex flex-wrap items-center justify-between gap-3 rounded-md border p-3 text-sm"
    >
      <p>
        <strong>The API cannot be reached.</strong> {describeError(error)}
      </p>
      <Button onClick={retry}>Retry</Button>
    </div>
  );
}
