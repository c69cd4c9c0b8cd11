import type { BindingFailure } from './binding-failure-store';

/** What the toast, the row's mark and the key's details say of some failures of one key. */
export type FailureWords = {
  /** "Binding k to a failed", "Deleting k failed": the toast's headline. */
  headline: string;
  /** What the key does now, and what to do: the toast's last words. */
  consequence: string;
  /** "Retry binding k": the toast's button. */
  retry: string;
  /** "Retry binding k to a": where neither the key nor the deployments are written beside it. */
  retryNamed: string;
  /** "Retry binding": in the key's own details. */
  retryShort: string;
  /** "binding failed": the row's mark. */
  mark: string;
};

const LATER = "Retry now, or later from the key's row in the list.";

/**
 * The failures that speak for a key: its deletion if that failed (the person wants it gone, so
 * its bindings are beside the point), else all its binding failures.
 */
export function leadFailures(failures: readonly BindingFailure[]): readonly BindingFailure[] {
  const deletion = failures.filter((failure) => failure.kind === 'delete');
  return deletion.length > 0 ? deletion : failures;
}

/** The words for one key's failures; a deletion outranks a bind, a bind outranks a detach. */
export function failureWords(failures: readonly BindingFailure[]): FailureWords {
  const keyName = failures[0]?.keyName ?? '';
  const deletion = failures.find((failure) => failure.kind === 'delete');
  if (deletion) {
    const retry = `Retry deleting ${keyName}`;
    return {
      headline: `Deleting ${keyName} failed`,
      consequence: deletion.deployment
        ? `${keyName} still exists, and ${deletion.deployment} still accepts it. ${LATER}`
        : `${keyName} may still exist. ${LATER}`,
      retry,
      retryNamed: retry,
      retryShort: 'Retry deleting',
      mark: 'deleting failed',
    };
  }
  const names = failures.map((failure) => failure.deployment).join(', ');
  return failures.some((failure) => failure.kind === 'bind')
    ? {
        headline: `Binding ${keyName} to ${names} failed`,
        consequence: `${keyName} does not unlock ${names} until it is bound. ${LATER}`,
        retry: `Retry binding ${keyName}`,
        retryNamed: `Retry binding ${keyName} to ${names}`,
        retryShort: 'Retry binding',
        mark: 'binding failed',
      }
    : {
        headline: `Detaching ${keyName} from ${names} failed`,
        consequence: `${keyName} still unlocks ${names}. ${LATER}`,
        retry: `Retry detaching ${keyName}`,
        retryNamed: `Retry detaching ${keyName} from ${names}`,
        retryShort: 'Retry detaching',
        mark: 'detaching failed',
      };
}

/** Where one failure happened, before its message: "llama", "Detaching from llama", "The delete". */
export function failureSubject(failure: BindingFailure): string {
  if (failure.kind !== 'delete') return failure.deployment;
  return failure.deployment ? `Detaching from ${failure.deployment}` : 'The delete';
}

/** One failure as a sentence of its own, for the key's details. */
export function failureSentence(failure: BindingFailure): string {
  switch (failure.kind) {
    case 'bind':
      return `Binding to ${failure.deployment} failed: ${failure.message}`;
    case 'detach':
      return `Detaching from ${failure.deployment} failed: ${failure.message}`;
    case 'delete':
      return failure.deployment
        ? `Deleting the key stopped, detaching from ${failure.deployment} failed: ${failure.message}`
        : `Deleting the key failed: ${failure.message}`;
  }
}
