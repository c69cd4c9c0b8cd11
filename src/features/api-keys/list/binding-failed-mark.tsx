import type { BindingFailure } from '../../deployments/binding/binding-failure-store';
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
 * "binding failed · Retry" ("deleting failed · Retry") beside a key's deployments, for as long as
 * its binding or deletion has not landed: the list must not say "None", or drop "deleting…", and
 * leave it there. Its Retry is reached by the row's arrow keys, as the row's other controls are.
 */
export function BindingFailedMark({ failures: all, onRetry }: Props) {
  const failures = leadFailures(all);
  if (failures.length === 0 || failures.some((failure) => failure.retrying)) return null;
  const words = failureWords(failures);
  const why = failures
    .map((failure) => `${failureSubject(failure)}: ${failure.message}`)
    .join('\n');
  return (
    <span className="bg-danger-subtle text-danger-fg inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap">
      <span title={why}>{words.mark}</span>
      <span aria-hidden="true">·</span>
      <button
        type="button"
        tabIndex={-1}
        data-row-stop=""
        aria-label={words.retryNamed}
        onClick={() => onRetry(failures.map((failure) => failure.id))}
        className="focus-visible:outline-focus rounded underline hover:no-underline focus-visible:outline-2"
      >
        Retry
      </button>
    </span>
  );
}
