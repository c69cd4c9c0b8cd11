import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import { downError } from './api-down';

/**
 * Why Gcore's API cannot be reached, or null while it answers: read from every read the page is
 * showing (a read nobody shows any more says nothing about now). One source for the header and
 * the page, so both always tell the same state.
 */
export function useApiDown(): unknown {
  const cache = useQueryClient().getQueryCache();
  const subscribe = useCallback((onChange: () => void) => cache.subscribe(onChange), [cache]);
  const read = useCallback(() => {
    for (const query of cache.getAll()) {
      if (query.getObserversCount() === 0) continue;
      const error = downError(query);
      if (error !== null) return error;
    }
    return null;
  }, [cache]);
  return useSyncExternalStore(subscribe, read, () => null);
}
