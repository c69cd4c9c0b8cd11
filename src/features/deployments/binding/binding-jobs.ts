import { MutationObserver, type QueryClient } from '@tanstack/react-query';
import {
  applyBindingChange,
  DEFAULT_GIVE_UP_AFTER_MS,
  type BindingOutcome,
} from '../api/v3/binding-orchestrator';
import { bindingApiV3 } from '../api/v3/deployment-v3-calls';
import { apiKeyKeys } from '../../api-keys/api/api-key-query-keys';
import { taskPollIntervalMs } from './binding-config';
import { bindingFailureStore, type FailureRef } from './binding-failure-store';
import { realClock } from './real-clock';

/** One key's change on one deployment, run as a mutation so it outlives the dialog that began it. */
export type BindingJob = {
  projectId: number;
  keyName: string;
  deployment: string;
  attach: boolean;
};

/** Every binding job starts with this; `['binding', projectId]` finds a project's jobs. */
export const bindingJobKey = (job: Pick<BindingJob, 'projectId' | 'keyName' | 'deployment'>) =>
  ['binding', job.projectId, job.keyName, job.deployment] as const;

export type BindingJobTimings = { pollIntervalMs?: number; giveUpAfterMs?: number };

/**
 * Starts a job in the client's MutationCache. It runs to its end whatever happens to the
 * component that started it; the observer is dropped once it settles so the cache can let the
 * finished job go after its gcTime.
 */
export function startBindingJob(
  client: QueryClient,
  job: BindingJob,
  timings: BindingJobTimings = {},
): Promise<BindingOutcome> {
  const observer = new MutationObserver<BindingOutcome, Error, BindingJob>(client, {
    mutationKey: bindingJobKey(job),
    retry: false,
    mutationFn: (variables) =>
      applyBindingChange(variables, {
        api: bindingApiV3(variables.projectId),
        clock: realClock,
        pollIntervalMs: timings.pollIntervalMs ?? taskPollIntervalMs(),
        giveUpAfterMs: timings.giveUpAfterMs ?? DEFAULT_GIVE_UP_AFTER_MS,
      }),
    // Options-level, not per-call: these run even when no component is left to observe the job.
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: apiKeyKeys.all }),
        client.invalidateQueries({ queryKey: apiKeyKeys.allDeployments }),
      ]),
  });
  const failures = bindingFailureStore(client);
  const { projectId, keyName, deployment, attach } = job;
  const ref: FailureRef = { projectId, keyName, deployment, kind: attach ? 'bind' : 'detach' };
  failures.started(ref);
  const rerun = () => startBindingJob(client, job, timings);
  // Kept apart from the mutation, which the cache drops after its gcTime: a failure must stay
  // until a retry lands, whoever is left on screen to show it.
  return observer
    .mutate(job)
    .then(
      (outcome) => {
        const state = jobStateOf({ status: 'success', data: outcome, error: null });
        if (state.status === 'done') failures.landed(ref);
        else failures.failed({ ...ref, message: failureMessage(state) }, rerun);
        return outcome;
      },
      (error: unknown) => {
        const message = error instanceof Error ? error.message : 'The binding stopped.';
        failures.failed({ ...ref, message }, rerun);
        throw error;
      },
    )
    .finally(() => observer.reset());
}

/** Why a job did not land, in a sentence that stands without the dialog around it. */
function failureMessage(state: BindingJobState): string {
  switch (state.status) {
    case 'failed':
      return state.message;
    case 'still-running':
      return `The API's task (${state.taskIds.join(', ')}) has not finished; it may still land.`;
    case 'overridden':
      return 'Someone else changed the deployment at the same time, and their change won.';
    default:
      return 'The binding stopped.';
  }
}

/** A job that need not start again: one for this change is running, or it already landed. */
export function jobInHand(client: QueryClient, job: BindingJob): boolean {
  const latest = client
    .getMutationCache()
    .findAll({ mutationKey: bindingJobKey(job) })
    .at(-1);
  if (latest?.state.status === 'pending') return true;
  const variables = latest?.state.variables as BindingJob | undefined;
  const data = latest?.state.data as BindingOutcome | undefined;
  return variables?.attach === job.attach && data?.status === 'done';
}

/** What one deployment shows for a job, from the latest mutation for it (or none yet). */
export type BindingJobState =
  | { status: 'idle' }
  | { status: 'pending' }
  | { status: 'done'; changed: boolean }
  | { status: 'failed'; message: string }
  | { status: 'still-running'; taskIds: string[] }
  | { status: 'overridden' };

export function jobStateOf(
  mutation: { status: string; data: BindingOutcome | undefined; error: Error | null } | undefined,
): BindingJobState {
  if (!mutation || mutation.status === 'idle') return { status: 'idle' };
  if (mutation.status === 'pending') return { status: 'pending' };
  if (mutation.status === 'error' || !mutation.data) {
    return { status: 'failed', message: mutation.error?.message ?? 'The binding stopped.' };
  }
  const outcome = mutation.data;
  switch (outcome.status) {
    case 'done':
      return { status: 'done', changed: outcome.changed };
    case 'failed':
      return { status: 'failed', message: outcome.message };
    case 'still-running':
      return { status: 'still-running', taskIds: outcome.taskIds };
    case 'overridden':
      return { status: 'overridden' };
  }
}
