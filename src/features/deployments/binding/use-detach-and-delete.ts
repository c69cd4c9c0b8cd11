import { useMutationState, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { initialDetachAndDelete, type DetachAndDeleteState } from './detach-and-delete';
import {
  detachAndDeleteKey,
  startDetachAndDelete,
  type DetachAndDeleteJob,
} from './detach-and-delete-job';

export type DetachAndDeleteInput = DetachAndDeleteJob & {
  /** The key's deployments (`KeyRecord.deploymentRefs`), detached in this order. */
  deployments: readonly string[];
};

export type DetachAndDeleteView = {
  state: DetachAndDeleteState;
  /** The deployment being detached now; null when idle, deleting, or finished. */
  current: string | null;
  running: boolean;
  start: () => void;
  /** Continues from where the last run stopped (does nothing unless it failed). */
  retry: () => void;
};

/**
 * The keys of a project being detached and deleted right now, for the list to mark them.
 */
export function usePendingDeletions(projectId: number): ReadonlySet<string> {
  const names = useMutationState({
    filters: { mutationKey: ['detach-and-delete', projectId], status: 'pending' },
    select: (m) => (m.state.variables as DetachAndDeleteState).keyName,
  });
  return useMemo(() => new Set(names), [names]);
}

/**
 * "Detach and delete" as a mutation: the run goes on if the dialog closes, and the keys' and
 * deployments' lists are refreshed when it ends, whatever state it left.
 */
export function useDetachAndDelete(input: DetachAndDeleteInput): DetachAndDeleteView {
  const { projectId, keyName, deployments } = input;
  const client = useQueryClient();
  const [progress, setProgress] = useState<{
    state: DetachAndDeleteState;
    current: string | null;
  } | null>(null);
  const mutationKey = detachAndDeleteKey(projectId, keyName);
  const run = (from: DetachAndDeleteState) =>
    void startDetachAndDelete(client, input, from, (state, current) =>
      setProgress({ state, current }),
    ).catch(() => {});
  // The latest run for this key, whichever dialog started it: reopened, the dialog shows it.
  const latest = useMutationState({
    filters: { mutationKey },
    select: (m) => ({
      running: m.state.status === 'pending',
      from: m.state.variables as DetachAndDeleteState | undefined,
      to: m.state.data as DetachAndDeleteState | undefined,
    }),
  }).at(-1);
  const running = latest?.running ?? false;
  const state =
    (running ? progress?.state : undefined) ??
    latest?.to ??
    progress?.state ??
    latest?.from ??
    initialDetachAndDelete(keyName, deployments);
  return {
    state,
    current: running ? (progress?.current ?? state.remaining[0] ?? null) : null,
    running,
    start: () => {
      if (!running && !state.keyDeleted) run(state);
    },
    retry: () => {
      if (!running && state.failure) run(state);
    },
  };
}
