import { isApiError } from '../../../../lib/api-error';
import { nextKeyList, type BindingChange } from '../../binding/binding-diff';
import type { DeploymentV3, Task } from './deployment-v3-schemas';

/** The three v3 calls a binding change needs, injected so the flow is testable with fakes. */
export type BindingApi = {
  getDeployment: (name: string, signal?: AbortSignal) => Promise<DeploymentV3>;
  /** PATCHes the deployment's whole `api_keys` list; resolves to the task ids to poll. */
  setDeploymentKeys: (name: string, apiKeys: string[], signal?: AbortSignal) => Promise<string[]>;
  getTask: (id: string, signal?: AbortSignal) => Promise<Task>;
};

export type BindingClock = {
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
};

export type BindingStep = 'reading' | 'patching' | 'waiting' | 'verifying';

export type BindingOutcome =
  /** The deployment's list is as asked (`changed: false` when it already was). */
  | { status: 'done'; apiKeys: string[]; changed: boolean }
  /** A call or the task failed: the message says why; `apiKeys` is the list re-read afterwards. */
  | { status: 'failed'; message: string; taskId: string | null; apiKeys: string[] | null }
  /** Gave up waiting: not a failure, the tasks may still finish. */
  | { status: 'still-running'; taskIds: string[] }
  /** The tasks finished, yet the key is not where it should be: a concurrent edit won. */
  | { status: 'overridden'; apiKeys: string[] };

export type BindingOptions = {
  api: BindingApi;
  clock: BindingClock;
  /** Decision (shared contract notes): poll every 3 s, give up after 5 minutes. */
  pollIntervalMs?: number;
  giveUpAfterMs?: number;
  onStep?: (step: BindingStep) => void;
  signal?: AbortSignal;
};

export const DEFAULT_POLL_INTERVAL_MS = 3_000;
export const DEFAULT_GIVE_UP_AFTER_MS = 5 * 60_000;

/**
 * Attaches or detaches one key on one deployment the only way v3 allows: re-read the deployment
 * right before the PATCH (there is no ETag, the last writer wins), PATCH its whole list, poll the
 * tasks, then re-read to see whether the change held.
 */
export async function applyBindingChange(
  change: BindingChange,
  options: BindingOptions,
): Promise<BindingOutcome> {
  const { api, signal } = options;
  const step = options.onStep ?? (() => {});
  let taskIds: string[] = [];
  try {
    step('reading');
    const current = (await api.getDeployment(change.deployment, signal)).api_keys;
    if (current.includes(change.keyName) === change.attach) {
      return { status: 'done', apiKeys: current, changed: false };
    }
    step('patching');
    taskIds = await api.setDeploymentKeys(change.deployment, nextKeyList(current, change), signal);
    step('waiting');
    const waited = await waitForTasks(taskIds, options);
    if (waited.status === 'still-running') return waited;
    step('verifying');
    const after = (await api.getDeployment(change.deployment, signal)).api_keys;
    if (waited.status === 'error') {
      return { status: 'failed', message: waited.message, taskId: waited.taskId, apiKeys: after };
    }
    return after.includes(change.keyName) === change.attach
      ? { status: 'done', apiKeys: after, changed: true }
      : { status: 'overridden', apiKeys: after };
  } catch (error) {
    if (signal?.aborted) throw error;
    const message = error instanceof Error ? error.message : String(error);
    return { status: 'failed', message, taskId: taskIds[0] ?? null, apiKeys: null };
  }
}

type TaskWait =
  | { status: 'finished' }
  | { status: 'error'; message: string; taskId: string }
  | { status: 'still-running'; taskIds: string[] };

/** Polls every task until each is FINISHED or one is ERROR; `[]` means nothing changed. */
async function waitForTasks(taskIds: string[], options: BindingOptions): Promise<TaskWait> {
  const { clock, signal } = options;
  const interval = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  const deadline = clock.now() + (options.giveUpAfterMs ?? DEFAULT_GIVE_UP_AFTER_MS);
  let pending = [...taskIds];
  while (pending.length > 0) {
    const polls = await Promise.all(pending.map((id) => pollTask(id, options)));
    const failed = polls.find((poll) => poll.task?.state === 'ERROR')?.task;
    if (failed) {
      const reason = failed.error ?? 'no reason given';
      return { status: 'error', taskId: failed.id, message: `The API's task failed: ${reason}` };
    }
    pending = polls.filter((poll) => poll.task?.state !== 'FINISHED').map((poll) => poll.id);
    if (pending.length === 0) break;
    if (clock.now() + interval > deadline) return { status: 'still-running', taskIds: pending };
    await clock.sleep(interval, signal);
  }
  return { status: 'finished' };
}

/**
 * One poll. A poll that fails on the way (network, time-out, 429, 5xx) says nothing about the
 * task, which goes on running on Gcore's side: it counts as "not finished yet" and the wait goes
 * on until the deadline, rather than reporting a failure the change may still contradict.
 */
async function pollTask(id: string, { api, signal }: BindingOptions) {
  try {
    return { id, task: await api.getTask(id, signal) };
  } catch (error) {
    if (signal?.aborted || !isTransient(error)) throw error;
    return { id, task: null };
  }
}

const isTransient = (error: unknown) =>
  isApiError(error) &&
  (error.kind === 'network' ||
    error.kind === 'timeout' ||
    error.status === 429 ||
    (error.status !== null && error.status >= 500));
