import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { bindingApiV3 } from '../api/v3/deployment-v3-calls';
import { deploymentKeys } from '../api/get-deployments';
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
  const mutation = useMutation({
    mutationKey: ['detach-and-delete', projectId, keyName],
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
        client.invalidateQueries({ queryKey: ['api-keys'] }),
        client.invalidateQueries({ queryKey: deploymentKeys.all }),
      ]),
  });
  const state = progress?.state ?? initialDetachAndDelete(keyName, deployments);
  const running = mutation.isPending;
  return {
    state,
    current: running ? (progress?.current ?? null) : null,
    running,
    start: () => {
      if (!running && !state.keyDeleted) mutation.mutate(state);
    },
    retry: () => {
      if (!running && state.failure) mutation.mutate(state);
    },
  };
}
