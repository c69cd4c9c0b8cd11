import type { BindingFailure } from '../../jobs/model/job-failures';
import {
  failureSubject,
  failureWords,
  leadFailures,
} from '../../deployments/binding/failure-words';

type Props = {
  /** This key's failures in the project shown; none is no mark. */
  failures: readonly BindingFailure[];
  onRetry: (ids: readonly string[]) => void;
};

/**
 * "binding failed: reason · Retry" ("interrupted · Resume") beside a key's deployments, for as
 * long as its job has not landed: the list must not say "None", or drop "deleting…", and leave it
 * there. Its Retry is reached by the row's arrow keys, as the row's other controls are.
 */
export function BindingFailedMark({ failures: all, onRetry }: Props) {
  const failures = leadFailures(all);
  if (failures.length === 0 || failures.some((failure) => failure.retrying)) return null;
  const words = failureWords(failures);
  const interrupted = failures.every((failure) => failure.interrupted);
  const why = failures
    .map((failure) => `${failureSubject(failure)}: ${failure.message}`)
    .join('\n');
  const reason = [...new Set(failures.map((failure) => failure.message))].join('; ');
  const retryError = failures.find((failure) => failure.retryError)?.retryError;
  return (
    <span className="bg-danger-subtle text-danger-fg inline-flex max-w-full items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium">
      <span title={why} className="min-w-0 truncate">
        {interrupted ? words.mark : `${words.mark}: ${reason}`}
      </span>
      {retryError && (
        <span role="alert" title={retryError} className="min-w-0 truncate">
          {retryError}
        </span>
      )}
      <span aria-hidden="true">·</span>
      <button
        type="button"
        tabIndex={-1}
        data-row-stop=""
        aria-label={words.retryNamed}
        onClick={(event) => {
          // The mark leaves as the job goes back in the queue: focus stays on the row's name.
          event.currentTarget.closest('tr')?.querySelector<HTMLElement>('[data-row-stop]')?.focus();
          onRetry(failures.map((failure) => failure.id));
        }}
        className="focus-visible:outline-focus shrink-0 rounded underline hover:no-underline focus-visible:outline-2"
      >
        {interrupted ? 'Resume' : 'Retry'}
      </button>
    </span>
  );
}
