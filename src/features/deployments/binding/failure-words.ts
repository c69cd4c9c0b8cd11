import type { BindingFailure } from '../../jobs/model/job-failures';

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

/**
 * A job the server lost its token for: nothing failed, it waits for someone signed in. Retry is
 * called Resume there, and the words say so.
 */
function interruptedWords(words: FailureWords, keyName: string): FailureWords {
  const verb = words.retryShort.replace(/^Retry /, '');
  const resume = (text: string) => text.replace(/^Retry/, 'Resume');
  return {
    headline: `${verb[0]?.toUpperCase() ?? ''}${verb.slice(1)} ${keyName} was interrupted`,
    consequence: `The server restarted while it ran. ${words.consequence.replace(LATER, "Resume it now, or later from the key's row in the list.")}`,
    retry: resume(words.retry),
    retryNamed: resume(words.retryNamed),
    retryShort: resume(words.retryShort),
    mark: 'interrupted',
  };
}

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
  const words = failedWords(failures, keyName);
  const interrupted = failures.length > 0 && failures.every((failure) => failure.interrupted);
  return interrupted ? interruptedWords(words, keyName) : words;
}

function failedWords(failures: readonly BindingFailure[], keyName: string): FailureWords {
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
  const ended = failure.interrupted ? 'was interrupted' : 'failed';
  switch (failure.kind) {
    case 'bind':
      return `Binding to ${failure.deployment} ${ended}: ${failure.message}`;
    case 'detach':
      return `Detaching from ${failure.deployment} ${ended}: ${failure.message}`;
    case 'delete':
      return failure.deployment
        ? `Deleting the key stopped, detaching from ${failure.deployment} ${ended}: ${failure.message}`
        : `Deleting the key ${ended}: ${failure.message}`;
  }
}
