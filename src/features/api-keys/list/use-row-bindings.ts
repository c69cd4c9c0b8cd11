import { useMemo } from 'react';
import type { BindingFailure } from '../../deployments/binding/binding-failure-store';
import { useBindingFailures } from '../../deployments/binding/use-binding-failures';
import { usePendingBindings } from '../../deployments/binding/use-pending-bindings';

/**
 * What the rows say of a project's binding jobs: which keys have one running ("binding…") and
 * which have one that did not land ("binding failed · Retry"). Both stay empty where binding
 * happens inside the key call (v2): no job ever runs there.
 */
export function useRowBindings(projectId: number | undefined) {
  const pendingBindings = usePendingBindings(projectId ?? 0);
  const { failures, retry } = useBindingFailures();
  const failedBindings = useMemo(() => {
    const byKey = new Map<string, BindingFailure[]>();
    for (const failure of failures) {
      if (failure.projectId !== projectId) continue;
      byKey.set(failure.keyName, [...(byKey.get(failure.keyName) ?? []), failure]);
    }
    return byKey;
  }, [failures, projectId]);
  return { pendingBindings, failedBindings, onRetryBinding: retry };
}
