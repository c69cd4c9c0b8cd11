import { isApiError } from '../../../lib/api-error';
import { describeError } from '../../../lib/describe-error';
import {
  applyBindingChange,
  type BindingApi,
  type BindingClock,
} from '../api/v3/binding-orchestrator';

export type DeleteKeyResult = 'deleted' | 'already-gone';

export type DetachAndDeleteFailure =
  /** Detaching from `deployment` did not land; the key still exists, nothing after it was tried. */
  | { stage: 'detach'; deployment: string; message: string }
  /**
   * Every detach landed, the DELETE did not: `conflict` for the API's 409 ConflictError,
   * `outcomeUnknown` when no answer came back (the key may be deleted or not; Retry finds out).
   */
  | { stage: 'delete'; message: string; conflict: boolean; outcomeUnknown: boolean };

/** Where a detach-and-delete stands; a Retry continues from here. */
export type DetachAndDeleteState = {
  keyName: string;
  /** Detached by this run, in order. */
  detached: string[];
  /** Still attached (as far as this run knows), in the order they will be tried. */
  remaining: string[];
  keyDeleted: boolean;
  /** The key was gone before the DELETE reached it (someone else deleted it). */
  alreadyGone: boolean;
  failure: DetachAndDeleteFailure | null;
};

export type DetachAndDeleteDeps = {
  api: BindingApi;
  clock: BindingClock;
  deleteKey: () => Promise<DeleteKeyResult>;
  /**
   * The key's deployments as the API says now; asked before retrying after a 409, because a
   * concurrent edit attached the key somewhere this run never saw.
   */
  reloadDeployments?: () => Promise<string[]>;
  pollIntervalMs?: number;
  giveUpAfterMs?: number;
  signal?: AbortSignal;
  /** Each state as it changes, and the deployment being detached (null while deleting or done). */
  onProgress?: (state: DetachAndDeleteState, current: string | null) => void;
};

export const initialDetachAndDelete = (
  keyName: string,
  deployments: readonly string[],
): DetachAndDeleteState => ({
  keyName,
  detached: [],
  remaining: [...deployments],
  keyDeleted: false,
  alreadyGone: false,
  failure: null,
});

/**
 * Detaches the key from each remaining deployment in order, then deletes it. Stops at the first
 * detach that does not land (the key is never deleted while still attached, which the API would
 * refuse anyway), so the state always says what is detached, what is not, and that the key exists.
 */
export async function runDetachAndDelete(
  from: DetachAndDeleteState,
  deps: DetachAndDeleteDeps,
): Promise<DetachAndDeleteState> {
  const report = deps.onProgress ?? (() => {});
  let state: DetachAndDeleteState = { ...from, failure: null };
  if (from.failure?.stage === 'delete' && from.failure.conflict && deps.reloadDeployments) {
    let attached: string[];
    try {
      attached = await deps.reloadDeployments();
    } catch (error) {
      if (deps.signal?.aborted) throw error;
      const message = `Could not re-read where the key is attached: ${describeError(error)}`;
      return {
        ...from,
        failure: { stage: 'delete', conflict: true, outcomeUnknown: false, message },
      };
    }
    const unseen = attached.filter((d) => !from.remaining.includes(d));
    state = { ...state, remaining: [...from.remaining, ...unseen] };
  }
  while (state.remaining.length > 0) {
    const [deployment = '', ...rest] = state.remaining;
    report(state, deployment);
    const outcome = await applyBindingChange(
      { deployment, keyName: state.keyName, attach: false },
      deps,
    );
    if (outcome.status !== 'done') {
      state = {
        ...state,
        failure: { stage: 'detach', deployment, message: detachMessage(outcome) },
      };
      report(state, null);
      return state;
    }
    state = { ...state, detached: [...state.detached, deployment], remaining: rest };
  }
  report(state, null);
  try {
    const result = await deps.deleteKey();
    state = { ...state, keyDeleted: true, alreadyGone: result === 'already-gone' };
  } catch (error) {
    if (deps.signal?.aborted) throw error;
    state = { ...state, failure: deleteFailure(error) };
  }
  report(state, null);
  return state;
}

type NotDone = Exclude<Awaited<ReturnType<typeof applyBindingChange>>, { status: 'done' }>;

function detachMessage(outcome: NotDone): string {
  switch (outcome.status) {
    case 'failed':
      return outcome.message;
    case 'still-running':
      return `The detach is still in progress (task ${outcome.taskIds.join(', ')}); the key stays until it ends. Retry once it has.`;
    case 'overridden':
      return 'A concurrent edit of this deployment put the key back in its list; the key is still attached there.';
  }
}

function deleteFailure(error: unknown): DetachAndDeleteFailure {
  if (isApiError(error) && error.status === 409) {
    return {
      stage: 'delete',
      conflict: true,
      outcomeUnknown: false,
      message:
        'The API refused to delete the key because it is still attached to a deployment — ' +
        'most likely someone attached it while it was being detached. Retry detaches it again ' +
        `and deletes it. The API said: ${describeError(error)}`,
    };
  }
  if (isApiError(error) && error.outcomeUnknown) {
    return {
      stage: 'delete',
      conflict: false,
      outcomeUnknown: true,
      message: `No answer to the delete: the key may or may not be deleted. Retry finds out (a key already gone counts as deleted). ${describeError(error)}`,
    };
  }
  return { stage: 'delete', conflict: false, outcomeUnknown: false, message: describeError(error) };
}
