import { useMutationState, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { BindingOutcome } from '../api/v3/binding-orchestrator';
import {
  bindingJobKey,
  jobStateOf,
  startBindingJob,
  type BindingJob,
  type BindingJobState,
  type BindingJobTimings,
} from './binding-jobs';

export type BindingJobsInput = {
  projectId: number;
  keyName: string;
  /** true binds the key to each deployment, false detaches it. */
  attach: boolean;
  /** Deployment names, in the order they are shown and started. */
  deployments: readonly string[];
  /** For tests; the app polls at the server's `gcore-task-poll-ms` and gives up after 5 minutes. */
  timings?: BindingJobTimings;
};

export type BindingJobItem = { deployment: string; attach: boolean; state: BindingJobState };

/**
 * Starts a job per deployment unless one is already running or has landed: safe to call twice
 * (a double click, a re-render). Meant for a create mutation's onSuccess, so the jobs start the
 * moment the key exists, whatever the dialogs do.
 */
export function startBindingJobs(
  client: QueryClient,
  input: Omit<BindingJobsInput, 'timings'> & {
    timings?: BindingJobTimings;
  },
): void {
  for (const deployment of input.deployments) {
    const job: BindingJob = { ...input, deployment };
    const latest = client
      .getMutationCache()
      .findAll({ mutationKey: bindingJobKey(job) })
      .at(-1);
    const data = latest?.state.data as BindingOutcome | undefined;
    if (latest?.state.status === 'pending' || data?.status === 'done') continue;
    startBindingJob(client, job, input.timings).catch(() => {});
  }
}

/**
 * The binding jobs of one key, live: per deployment its latest job's state, whichever component
 * started it and whether or not that component is still mounted.
 */
export function useBindingJobs(input: BindingJobsInput) {
  const { projectId, keyName, attach, deployments, timings } = input;
  const client = useQueryClient();
  const mutations = useMutationState({
    filters: { mutationKey: ['binding', projectId, keyName] },
    select: (mutation) => ({
      deployment: (mutation.state.variables as BindingJob | undefined)?.deployment,
      status: mutation.state.status,
      data: mutation.state.data as BindingOutcome | undefined,
      error: mutation.state.error,
    }),
  });
  const items = useMemo<BindingJobItem[]>(
    () =>
      deployments.map((deployment) => ({
        deployment,
        attach,
        state: jobStateOf(mutations.findLast((m) => m.deployment === deployment)),
      })),
    [deployments, attach, mutations],
  );
  const start = useCallback(
    () => startBindingJobs(client, { projectId, keyName, attach, deployments, timings }),
    [client, projectId, keyName, attach, deployments, timings],
  );
  const retry = useCallback(
    (deployment: string) => {
      startBindingJob(client, { projectId, keyName, attach, deployment }, timings).catch(() => {});
    },
    [client, projectId, keyName, attach, timings],
  );
  // Every job has ended (an unstarted one has not): the moment to stop showing "binding…".
  const settled = items.every((item) => !['idle', 'pending'].includes(item.state.status));
  return { items, start, retry, settled };
}

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
    for (const job of pending)
      byKey.set(job.keyName, [...(byKey.get(job.keyName) ?? []), job.deployment]);
    return byKey;
  }, [pending]);
}
