import { useMutation, useMutationState, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { bindingApiV3 } from '../api/v3/deployment-v3-calls';
import { apiKeyKeys } from '../../api-keys/api/api-key-query-keys';
import { taskPollIntervalMs } from './binding-config';
import type { BindingJobTimings } from './binding-jobs';
import {
  initialDetachAndDelete,
  runDetachAndDelete,
  type DeleteKeyResult,
  type DetachAndDeleteState,
} from './detach-and-delete';
import { realClock } from './real-clock';

export type DetachAndDeleteInput = {
  projectId: number;
  keyName: string;
  /** The key's deployments (`KeyRecord.deploymentRefs`), detached in this order. */
  deployments: readonly string[];
  /** The adapter's DELETE, e.g. `() => adapter.deleteKey(projectId, key.id)`. */
  deleteKey: () => Promise<DeleteKeyResult>;
  /** The key's deployments as the API says now; lets Retry after a 409 find a new attachment. */
  reloadDeployments?: () => Promise<string[]>;
  /** For tests; the app polls at the server's `gcore-task-poll-ms`, gives up after 5 minutes. */
  timings?: BindingJobTimings;
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

export const detachAndDeleteKey = (projectId: number, keyName: string) =>
  ['detach-and-delete', projectId, keyName] as const;

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
  const { projectId, keyName, deployments, deleteKey, reloadDeployments, timings } = input;
  const client = useQueryClient();
  const [progress, setProgress] = useState<{
    state: DetachAndDeleteState;
    current: string | null;
  } | null>(null);
  const mutationKey = detachAndDeleteKey(projectId, keyName);
  const mutation = useMutation({
    mutationKey,
    retry: false,
    mutationFn: (from: DetachAndDeleteState) =>
      runDetachAndDelete(from, {
        api: bindingApiV3(projectId),
        clock: realClock,
        deleteKey,
        reloadDeployments,
        pollIntervalMs: timings?.pollIntervalMs ?? taskPollIntervalMs(),
        giveUpAfterMs: timings?.giveUpAfterMs,
        onProgress: (state, current) => setProgress({ state, current }),
      }),
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: apiKeyKeys.all }),
        client.invalidateQueries({ queryKey: apiKeyKeys.allDeployments }),
      ]),
  });
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
      if (!running && !state.keyDeleted) mutation.mutate(state);
    },
    retry: () => {
      if (!running && state.failure) mutation.mutate(state);
    },
  };
}
