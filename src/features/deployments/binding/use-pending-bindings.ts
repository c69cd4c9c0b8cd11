import { useMutationState } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { BindingJob } from './binding-jobs';

/**
 * keyName → the deployments whose binding job for it is still running in this project: the list
 * shows them as "binding…" until the tasks end, even after the dialog that began them closed.
 */
export function usePendingBindings(projectId: number): ReadonlyMap<string, readonly string[]> {
  const pending = useMutationState({
    filters: { mutationKey: ['binding', projectId], status: 'pending' },
    select: (mutation) => mutation.state.variables as BindingJob,
  });
  return useMemo(() => {
    const byKey = new Map<string, string[]>();
    for (const job of pending) {
      byKey.set(job.keyName, [...(byKey.get(job.keyName) ?? []), job.deployment]);
    }
    return byKey;
  }, [pending]);
}
