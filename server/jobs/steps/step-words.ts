import { isGatewayCallError, type GatewayCallError } from '../gateway-call-error.ts';

/**
 * What a job says of itself: each sentence stands alone (the page shows it beside a deployment,
 * in a list of jobs, to someone who did not start it), in the words the page used before.
 */

/** "10 minutes", "30 seconds", "1 minute". */
export function duration(ms: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  return ms >= 60_000 && ms % 60_000 === 0
    ? plural(ms / 60_000, 'minute')
    : plural(Math.round(ms / 1000), 'second');
}

export const taskErrorReason = (taskId: string, error: string | null) =>
  `The API's task ${taskId} failed: ${error ?? 'no reason given'}`;

export const stillRunningReason = (taskIds: readonly string[], giveUpAfterMs: number) =>
  `The API's task ${taskIds.join(', ')} had not finished after ${duration(giveUpAfterMs)}; it may still finish. Retry checks again.`;

export const unseenTaskReason = (
  taskIds: readonly string[],
  attach: boolean,
  giveUpAfterMs: number,
) =>
  `The API's task ${taskIds.join(', ')} could not be checked, and ${attach ? 'the key was not in' : 'the key was still in'} the deployment's list after ${duration(giveUpAfterMs)}. Retry sends the change again.`;

export const overriddenReason = (attach: boolean) =>
  attach
    ? 'Someone changed the deployment’s keys at the same time, and the key is not in its list.'
    : 'Someone changed the deployment’s keys at the same time, and the key is back in its list.';

export const gaveUpReason = (giveUpAfterMs: number, last: GatewayCallError) =>
  `Gave up after ${duration(giveUpAfterMs)} of retrying. The last answer: ${last.describe()}`;

/** Why a call failed, as the API or the gateway said it, with the request id. */
export function errorReason(error: unknown): string {
  if (isGatewayCallError(error)) return error.describe();
  // The steps' own sentences (a task's error, a give-up) are already the reason.
  return error instanceof Error ? error.message : String(error);
}

/** One deployment's step: "Binding k to d failed. <reason>". */
export const stepFailure = (
  attach: boolean,
  keyName: string,
  deployment: string,
  reason: string,
) =>
  attach
    ? `Binding ${keyName} to ${deployment} failed. ${reason}`
    : `Detaching ${keyName} from ${deployment} failed. ${reason}`;

/** The job's own failure, naming every deployment whose step failed. */
export function bindingJobFailure(attach: boolean, keyName: string, deployments: string[]): string {
  const names = deployments.join(', ');
  return attach
    ? `Binding ${keyName} to ${names} failed: ${keyName} does not unlock ${names} until it is bound. Retry binds only what is missing.`
    : `Detaching ${keyName} from ${names} failed: ${keyName} still unlocks ${names}. Retry detaches only what is left.`;
}

export const detachStoppedDelete = (keyName: string, deployments: string[]) => {
  const names = deployments.join(', ');
  return `Deleting ${keyName} stopped: detaching it from ${names} failed, so ${keyName} still exists and ${names} still accept${deployments.length === 1 ? 's' : ''} it. Retry goes on from there.`;
};

export function deleteFailure(keyName: string, error: unknown, gaveUp: boolean): string {
  if (isGatewayCallError(error) && error.status === 409) {
    return (
      `The API refused to delete ${keyName} because it is still attached to a deployment; ` +
      'someone attached it again while it was being detached. Retry detaches it again and ' +
      `deletes it. The API said: ${error.describe()}`
    );
  }
  if (isGatewayCallError(error) && error.outcomeUnknown) {
    const tried = gaveUp ? ' (retried until it was given up)' : '';
    return `No answer to the delete of ${keyName}${tried}: it may or may not be deleted. Retry finds out (a key already gone counts as deleted). ${error.describe()}`;
  }
  return `Deleting ${keyName} failed: ${errorReason(error)}`;
}

/** The reason a retirement's detach stops before its PATCH. */
export const replacementMissingReason = (
  replacedBy: string,
  change: { deployment: string; keyName: string },
) =>
  `${replacedBy} is not in ${change.deployment}’s keys, so ${change.keyName} was left there: removing it would lock out ${change.deployment}’s callers, or open it to anyone if no key were left. Bind ${replacedBy} to ${change.deployment}, then retire ${change.keyName} again.`;
