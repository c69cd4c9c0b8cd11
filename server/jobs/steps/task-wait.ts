import { isGatewayCallError } from '../gateway-call-error.ts';
import type { StepOptions } from './step-options.ts';
import { taskErrorReason } from './step-words.ts';

/** `unseen`: a task is refused (403, 404), so whether it finished cannot be known by polling. */
export type TaskWait =
  | { status: 'finished' }
  | { status: 'error'; reason: string }
  | { status: 'still-running'; taskIds: string[] }
  | { status: 'unseen' };

/** Polls every task until each is FINISHED or one is ERROR; `[]` means nothing to wait for. */
export async function waitForTasks(
  taskIds: readonly string[],
  options: StepOptions & { deadline: number },
): Promise<TaskWait> {
  const { clock, signal } = options;
  let pending = [...taskIds];
  while (pending.length > 0) {
    const polls = await Promise.all(pending.map((id) => pollTask(id, options)));
    if (polls.some((poll) => poll.unseen)) return { status: 'unseen' };
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
 * on until the deadline, rather than re-sending a PATCH that may already be under way. A 403 is
 * the gateway no longer knowing the id (its memory of task ids does not outlive the process), a
 * 404 Gcore no longer knowing the task: the caller watches the deployment instead.
 */
async function pollTask(id: string, { calls }: StepOptions) {
  try {
    return { id, task: await calls.getTask(id), unseen: false };
  } catch (error) {
    if (!isGatewayCallError(error)) throw error;
    if (error.status === 403 || error.status === 404) return { id, task: null, unseen: true };
    if (!error.transient) throw error;
    return { id, task: null, unseen: false };
  }
}
