import { isGatewayCallError } from '../gateway-call-error.ts';
import type { StepOptions } from './step-options.ts';
import { overriddenReason, stillRunningReason, taskErrorReason } from './step-words.ts';

export type BindingChange = { deployment: string; keyName: string; attach: boolean };

/**
 * `done`: the deployment's list is as asked (`changed: false` when it already was). `failed`: the
 * change did not land for a reason asking again would not cure; the reason is a sentence.
 * A call that fails is thrown, for the caller to retry or report.
 */
export type ChangeOutcome =
  { status: 'done'; changed: boolean } | { status: 'failed'; reason: string };

/** The deployment's key list with the change applied: order kept, duplicates never added. */
export function nextKeyList(current: readonly string[], change: BindingChange): string[] {
  const without = current.filter((name) => name !== change.keyName);
  return change.attach ? [...without, change.keyName] : without;
}

/**
 * Attaches or detaches one key on one deployment the only way v3 allows: re-read the deployment
 * right before the PATCH (there is no ETag, the last writer wins), PATCH its whole list only if
 * the key is not already where it should be, poll the tasks until `deadline`, then re-read to see
 * whether the change held. Run again after any failure, it sends nothing twice.
 */
export async function applyBindingChange(
  change: BindingChange,
  options: StepOptions & { deadline: number },
): Promise<ChangeOutcome> {
  const { calls } = options;
  const current = (await calls.getDeployment(change.deployment)).api_keys;
  if (current.includes(change.keyName) === change.attach) return { status: 'done', changed: false };
  const taskIds = await calls.setDeploymentKeys(change.deployment, nextKeyList(current, change));
  const waited = await waitForTasks(taskIds, options);
  if (waited.status === 'error') return { status: 'failed', reason: waited.reason };
  if (waited.status === 'still-running') {
    return { status: 'failed', reason: stillRunningReason(waited.taskIds, options.giveUpAfterMs) };
  }
  const after = (await calls.getDeployment(change.deployment)).api_keys;
  return after.includes(change.keyName) === change.attach
    ? { status: 'done', changed: true }
    : { status: 'failed', reason: overriddenReason(change.attach) };
}

type TaskWait =
  | { status: 'finished' }
  | { status: 'error'; reason: string }
  | { status: 'still-running'; taskIds: string[] };

/** Polls every task until each is FINISHED or one is ERROR; `[]` means nothing to wait for. */
async function waitForTasks(
  taskIds: string[],
  options: StepOptions & { deadline: number },
): Promise<TaskWait> {
  const { clock, signal } = options;
  let pending = [...taskIds];
  while (pending.length > 0) {
    const polls = await Promise.all(pending.map((id) => pollTask(id, options)));
    const failed = polls.find((poll) => poll.task?.state === 'ERROR')?.task;
    if (failed) return { status: 'error', reason: taskErrorReason(failed.id, failed.error) };
    pending = polls.filter((poll) => poll.task?.state !== 'FINISHED').map((poll) => poll.id);
    if (pending.length === 0) break;
    if (clock.now() + options.pollIntervalMs > options.deadline) {
      return { status: 'still-running', taskIds: pending };
    }
    await clock.sleep(options.pollIntervalMs, signal);
  }
  return { status: 'finished' };
}

/**
 * One poll. A poll that fails on the way (network, time-out, 429, 5xx) says nothing about the
 * task, which goes on running on Gcore's side: it counts as "not finished yet" and the wait goes
 * on until the deadline, rather than re-sending a PATCH that may already be under way.
 */
async function pollTask(id: string, { calls }: StepOptions) {
  try {
    return { id, task: await calls.getTask(id) };
  } catch (error) {
    if (!isGatewayCallError(error) || !error.transient) throw error;
    return { id, task: null };
  }
}
