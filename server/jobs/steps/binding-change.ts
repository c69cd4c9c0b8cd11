import { isGatewayCallError } from '../gateway-call-error.ts';
import type { PatchSlot, PendingPatch } from './pending-patch.ts';
import type { StepOptions } from './step-options.ts';
import {
  overriddenReason,
  replacementMissingReason,
  stillRunningReason,
  unseenTaskReason,
} from './step-words.ts';
import { waitForTasks } from './task-wait.ts';

export type BindingChange = {
  deployment: string;
  keyName: string;
  attach: boolean;
  /**
   * A detach made only while this key stays in the list (a retirement: the key that replaces
   * the one removed). Without it, removing a key could leave the deployment open to anyone.
   */
  requires?: string;
};

/**
 * `done`: the deployment's list is as asked (`changed: false` when it already was). `failed`: the
 * change did not land for a reason asking again would not cure; the reason is a sentence.
 * `unfinished`: its tasks had not ended when the wait was given up; they stay saved, so Retry
 * waits for them again instead of PATCHing. A call that fails is thrown, for the caller to retry
 * or report.
 */
export type ChangeOutcome =
  | { status: 'done'; changed: boolean }
  | { status: 'failed'; reason: string }
  | { status: 'unfinished'; reason: string };

/** `slot` absent: a change made on its own, outside a job, with nowhere to save its tasks. */
export type ChangeOptions = StepOptions & { deadline: number; slot?: PatchSlot };

/** The deployment's key list with the change applied: order kept, duplicates never added. */
export function nextKeyList(current: readonly string[], change: BindingChange): string[] {
  const without = current.filter((name) => name !== change.keyName);
  return change.attach ? [...without, change.keyName] : without;
}

const inPlace = (keys: readonly string[], change: BindingChange) =>
  keys.includes(change.keyName) === change.attach;

/**
 * Attaches or detaches one key on one deployment the only way v3 allows: re-read the deployment
 * right before the PATCH (there is no ETag, the last writer wins), PATCH its whole list only if
 * the key is not already where it should be, save the PATCH's task ids, poll them, then re-read
 * to see whether the change held. A PATCH saved by a worker that stopped before its tasks ended
 * is waited for first, and a new one is sent only once that one is known not to land: run again
 * after any failure or by another worker, it sends nothing twice.
 */
export async function applyBindingChange(
  change: BindingChange,
  options: ChangeOptions,
): Promise<ChangeOutcome> {
  const saved = options.slot?.saved();
  if (saved) {
    const settled = await settlePatch(saved, change, options);
    if (settled) return settled;
  }
  const { calls, clock } = options;
  const current = await keysBefore(change, options);
  if (current === null || inPlace(current, change)) return { status: 'done', changed: false };
  if (change.requires !== undefined && !current.includes(change.requires)) {
    return { status: 'failed', reason: replacementMissingReason(change.requires, change) };
  }
  const taskIds = await calls.setDeploymentKeys(change.deployment, nextKeyList(current, change));
  const patch = { deployment: change.deployment, task_ids: taskIds, sent_at: clock.now() };
  if (taskIds.length > 0) await options.slot?.save(patch);
  const settled = await settlePatch(patch, change, options);
  return (
    settled ?? {
      status: 'failed',
      reason: unseenTaskReason(taskIds, change.attach, options.giveUpAfterMs),
    }
  );
}

/**
 * The deployment's keys right before the PATCH. null: a detach from a deployment the API no
 * longer has (404): the key unlocks nothing there, so there is nothing left to do, and a Retry
 * would only meet the same 404. A bind to it fails with the API's answer.
 */
async function keysBefore(change: BindingChange, { calls }: StepOptions): Promise<string[] | null> {
  try {
    return (await calls.getDeployment(change.deployment)).api_keys;
  } catch (error) {
    if (!change.attach && isGatewayCallError(error) && error.status === 404) return null;
    throw error;
  }
}

/**
 * How a PATCH ended, waited for until its task window closes: `giveUpAfterMs` after the PATCH
 * answered, whichever worker waits. null: its tasks could not be polled and the change had not
 * shown when the window closed, so a new PATCH is due.
 */
async function settlePatch(
  patch: PendingPatch,
  change: BindingChange,
  options: StepOptions,
): Promise<ChangeOutcome | null> {
  const window = { ...options, deadline: patch.sent_at + options.giveUpAfterMs };
  const waited = await waitForTasks(patch.task_ids, window);
  switch (waited.status) {
    case 'error':
      return { status: 'failed', reason: waited.reason };
    case 'still-running':
      return {
        status: 'unfinished',
        reason: stillRunningReason(waited.taskIds, options.giveUpAfterMs),
      };
    case 'unseen':
      return watchDeployment(change, window);
    case 'finished': {
      const after = (await options.calls.getDeployment(change.deployment)).api_keys;
      return inPlace(after, change)
        ? { status: 'done', changed: true }
        : { status: 'failed', reason: overriddenReason(change.attach) };
    }
  }
}

/**
 * For a PATCH whose tasks cannot be polled (after a restart the gateway refuses ids it did not
 * see): the deployment is re-read every poll interval until the change shows, or until the task
 * window closes (null). Never a second PATCH sooner, while the first may still land; the
 * deployment's status cannot tell either, as v3 has none meaning "its key list is changing".
 */
async function watchDeployment(
  change: BindingChange,
  options: StepOptions & { deadline: number },
): Promise<ChangeOutcome | null> {
  const { calls, clock } = options;
  for (;;) {
    const keys = (await calls.getDeployment(change.deployment)).api_keys;
    if (inPlace(keys, change)) return { status: 'done', changed: true };
    const left = options.deadline - clock.now();
    if (left <= 0) return null;
    await clock.sleep(Math.min(options.pollIntervalMs, left), options.signal);
  }
}
