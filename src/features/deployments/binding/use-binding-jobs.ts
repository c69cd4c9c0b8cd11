import { useMutationState, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { BindingOutcome } from '../api/v3/binding-orchestrator';
import {
  jobInHand,
  jobStateOf,
  startBindingJob,
  type BindingJob,
  type BindingJobState,
  type BindingJobTimings,
} from './binding-jobs';

/** One deployment's change for a key: bind (`attach: true`) or detach. */
export type KeyBindingChange = { deployment: string; attach: boolean };

export type BindingChangesInput = {
  projectId: number;
  keyName: string;
  /** In the order they run (`bindingChanges(...)` gives attaches before detaches). */
  changes: readonly KeyBindingChange[];
  /** For tests; the app polls at the server's `gcore-task-poll-ms` and gives up after 5 minutes. */
  timings?: BindingJobTimings;
};

export type BindingJobItem = KeyBindingChange & { state: BindingJobState };

/**
 * Runs the changes one after another, each as its own mutation, skipping any already running or
 * landed: safe to call twice. In order because an edit attaches before it detaches, so a key
 * moved between deployments never serves neither. The chain is a plain promise: it goes on after
 * the component that called it unmounts. Call it from an edit mutation's onSuccess.
 */
export async function startBindingChanges(
  client: QueryClient,
  input: BindingChangesInput,
): Promise<void> {
  const { projectId, keyName, changes, timings } = input;
  for (const { deployment, attach } of changes) {
    const job: BindingJob = { projectId, keyName, deployment, attach };
    if (jobInHand(client, job)) continue;
    // A failed change does not stop the others: each deployment reports its own outcome.
    await startBindingJob(client, job, timings).catch(() => {});
  }
}

/**
 * Binds (or detaches) the key on every deployment at once, skipping jobs already running or
 * landed. At once because a new key's bindings have no order to keep, and each task takes
 * seconds. Call it from the create mutation's onSuccess, so they start the moment the key exists.
 */
export function startBindingJobs(client: QueryClient, input: BindingJobsInput): void {
  const { projectId, keyName, attach, deployments, timings } = input;
  for (const deployment of deployments) {
    const job: BindingJob = { projectId, keyName, deployment, attach };
    if (!jobInHand(client, job)) startBindingJob(client, job, timings).catch(() => {});
  }
}

/**
 * The binding jobs of one key, live: per deployment its latest job's state, whichever component
 * started it and whether or not that component is still mounted.
 */
export function useBindingChangeJobs(input: BindingChangesInput) {
  const { projectId, keyName, changes, timings } = input;
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
      changes.map((change) => ({
        ...change,
        state: jobStateOf(mutations.findLast((m) => m.deployment === change.deployment)),
      })),
    [changes, mutations],
  );
  const start = useCallback(() => {
    void startBindingChanges(client, { projectId, keyName, changes, timings });
  }, [client, projectId, keyName, changes, timings]);
  const startAll = useCallback(() => {
    for (const attach of [true, false]) {
      const deployments = changes.filter((c) => c.attach === attach).map((c) => c.deployment);
      startBindingJobs(client, { projectId, keyName, attach, deployments, timings });
    }
  }, [client, projectId, keyName, changes, timings]);
  const retry = useCallback(
    (deployment: string) => {
      const attach = changes.find((c) => c.deployment === deployment)?.attach;
      if (attach === undefined) return;
      const job: BindingJob = { projectId, keyName, deployment, attach };
      startBindingJob(client, job, timings).catch(() => {});
    },
    [client, projectId, keyName, changes, timings],
  );
  // Every job has ended (an unstarted one has not): the moment to stop showing "binding…".
  const settled = items.every((item) => !['idle', 'pending'].includes(item.state.status));
  return { items, start, startAll, retry, settled };
}

export type BindingJobsInput = Omit<BindingChangesInput, 'changes'> & {
  /** true binds the key to each deployment, false detaches it. */
  attach: boolean;
  /** Deployment names, in the order they are shown. */
  deployments: readonly string[];
};

/**
 * The same for one direction over many deployments (create: bind to each chosen one); its
 * `start` runs them all at once (see `startBindingJobs`).
 */
export function useBindingJobs(input: BindingJobsInput) {
  const { deployments, attach } = input;
  const changes = useMemo(
    () => deployments.map((deployment) => ({ deployment, attach })),
    [deployments, attach],
  );
  const { startAll, ...jobs } = useBindingChangeJobs({ ...input, changes });
  return { ...jobs, start: startAll };
}
