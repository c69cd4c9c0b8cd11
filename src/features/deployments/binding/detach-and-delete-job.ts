import { MutationObserver, type QueryClient } from '@tanstack/react-query';
import { apiKeyKeys } from '../../api-keys/api/api-key-query-keys';
import { bindingApiV3 } from '../api/v3/deployment-v3-calls';
import { taskPollIntervalMs } from './binding-config';
import { bindingFailureStore, type FailureRef } from './binding-failure-store';
import type { BindingJobTimings } from './binding-jobs';
import {
  runDetachAndDelete,
  type DeleteKeyResult,
  type DetachAndDeleteDeps,
  type DetachAndDeleteState,
} from './detach-and-delete';
import { realClock } from './real-clock';

export type DetachAndDeleteJob = {
  projectId: number;
  keyName: string;
  /** The adapter's DELETE, e.g. `() => adapter.deleteKey(projectId, key.id)`. */
  deleteKey: () => Promise<DeleteKeyResult>;
  /** The key's deployments as the API says now; lets Retry after a 409 find a new attachment. */
  reloadDeployments?: () => Promise<string[]>;
  /** For tests; the app polls at the server's `gcore-task-poll-ms`, gives up after 5 minutes. */
  timings?: BindingJobTimings;
};

/** `['detach-and-delete', projectId]` finds a project's runs. */
export const detachAndDeleteKey = (projectId: number, keyName: string) =>
  ['detach-and-delete', projectId, keyName] as const;

/**
 * Runs "Detach and delete" from `from` (a fresh state, or where a failed run stopped: detached
 * deployments are not asked again) as a mutation in the client's cache, so it ends whatever
 * happens to the dialog that started it. A run that stops is kept in the failure store with how to
 * go on from there; one that deletes the key takes all the key's failures with it.
 */
export function startDetachAndDelete(
  client: QueryClient,
  job: DetachAndDeleteJob,
  from: DetachAndDeleteState,
  onProgress?: DetachAndDeleteDeps['onProgress'],
): Promise<DetachAndDeleteState> {
  const { projectId, keyName, deleteKey, reloadDeployments, timings } = job;
  const observer = new MutationObserver<DetachAndDeleteState, Error, DetachAndDeleteState>(client, {
    mutationKey: detachAndDeleteKey(projectId, keyName),
    retry: false,
    mutationFn: (state) =>
      runDetachAndDelete(state, {
        api: bindingApiV3(projectId),
        clock: realClock,
        deleteKey,
        reloadDeployments,
        pollIntervalMs: timings?.pollIntervalMs ?? taskPollIntervalMs(),
        giveUpAfterMs: timings?.giveUpAfterMs,
        onProgress,
      }),
    // Options-level, not per-call: these run even when no component is left to observe the run.
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: apiKeyKeys.all }),
        client.invalidateQueries({ queryKey: apiKeyKeys.allDeployments }),
      ]),
  });
  const failures = bindingFailureStore(client);
  const ref = (deployment: string | null): FailureRef => ({
    projectId,
    keyName,
    kind: 'delete',
    deployment,
  });
  failures.started(ref(null));
  // A retry has no dialog to report to: it goes on from where this run stopped.
  const rerunFrom = (state: DetachAndDeleteState) => () => startDetachAndDelete(client, job, state);
  return observer
    .mutate(from)
    .then(
      (state) => {
        if (state.keyDeleted) failures.keyGone({ projectId, keyName });
        else if (state.failure) {
          const { failure } = state;
          const at = failure.stage === 'detach' ? failure.deployment : null;
          failures.failed({ ...ref(at), message: failure.message }, rerunFrom(state));
        }
        return state;
      },
      (error: unknown) => {
        const message = error instanceof Error ? error.message : 'Detaching and deleting stopped.';
        failures.failed({ ...ref(null), message }, rerunFrom(from));
        throw error;
      },
    )
    .finally(() => observer.reset());
}
