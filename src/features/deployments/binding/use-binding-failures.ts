import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useSyncExternalStore } from 'react';
import { bindingFailureStore, type BindingFailure } from './binding-failure-store';

export type BindingFailures = {
  /** Every binding that did not land and has not landed since, oldest first. */
  failures: readonly BindingFailure[];
  /** Runs these failures' jobs again; each leaves the list when its job lands. */
  retry: (ids: readonly string[]) => void;
  /** Closes their notice; the list keeps marking the key. */
  dismiss: (ids: readonly string[]) => void;
};

/**
 * The failed bindings, for the notices and the list. The one seam between them and where the
 * jobs run (today this tab's query client): a source on the server can stand in behind it.
 */
export function useBindingFailures(): BindingFailures {
  const store = bindingFailureStore(useQueryClient());
  const failures = useSyncExternalStore(store.subscribe, store.getSnapshot);
  return useMemo(
    () => ({
      failures,
      retry: (ids) => void store.retry(ids),
      dismiss: (ids) => store.dismiss(ids),
    }),
    [store, failures],
  );
}
