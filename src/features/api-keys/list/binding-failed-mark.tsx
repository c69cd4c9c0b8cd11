import type { BindingFailure } from '../../deployments/binding/binding-failure-store';

type Props = {
  keyName: string;
  /** This key's failed bindings in the project shown; none is no mark. */
  failures: readonly BindingFailure[];
  onRetry: (ids: readonly string[]) => void;
};

/**
 * "binding failed · Retry" beside a key's deployments, for as long as a binding of it has not
 * landed: the list must not say "None" and leave it there. Its Retry is reached by the row's
 * arrow keys, as the row's other controls are.
 */
export function BindingFailedMark({ keyName, failures, onRetry }: Props) {
  if (failures.length === 0 || failures.some((failure) => failure.retrying)) return null;
  const attach = failures.some((failure) => failure.attach);
  const names = failures.map((failure) => failure.deployment).join(', ');
  const why = failures.map((failure) => `${failure.deployment}: ${failure.message}`).join('\n');
  return (
    <span className="bg-danger-subtle text-danger-fg inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap">
      <span title={why}>{attach ? 'binding failed' : 'detaching failed'}</span>
      <span aria-hidden="true">·</span>
      <button
        type="button"
        tabIndex={-1}
        data-row-stop=""
        aria-label={`Retry ${attach ? 'binding' : 'detaching'} ${keyName} ${attach ? 'to' : 'from'} ${names}`}
        onClick={() => onRetry(failures.map((failure) => failure.id))}
        className="focus-visible:outline-focus rounded underline hover:no-underline focus-visible:outline-2"
      >
        Retry
      </button>
    </span>
  );
}
