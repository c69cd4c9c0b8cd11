import { useLayoutEffect, useRef } from 'react';
import { Button } from '../../../components/ui/button';
import type { BindingFailure } from './binding-failure-store';

type BindingFailureToastProps = {
  /** One key's failures in one project, all of them binding or all detaching. */
  failures: readonly BindingFailure[];
  onRetry: () => void;
  onDismiss: () => void;
  /** Where focus goes when this toast leaves while holding it. */
  onFocusLost: () => void;
};

/**
 * One key's bindings that did not land: announced at once, kept until dismissed or a retry lands,
 * saying what the key now does and does not unlock and what to do.
 */
export function BindingFailureToast({
  failures,
  onRetry,
  onDismiss,
  onFocusLost,
}: BindingFailureToastProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [first] = failures;
  useLayoutEffect(() => {
    const element = ref.current;
    // Runs before React removes the toast, so focus can move before it would fall to the page.
    return () => {
      if (element?.contains(document.activeElement)) onFocusLost();
    };
  }, [onFocusLost]);
  if (!first) return null;
  const { keyName, attach } = first;
  const names = failures.map((failure) => failure.deployment).join(', ');
  const retrying = failures.some((failure) => failure.retrying);
  return (
    <div
      ref={ref}
      role="alert"
      className="border-danger-line bg-surface text-fg flex flex-col gap-2 rounded-lg border p-3 text-sm shadow-lg"
    >
      <p className="text-danger-fg font-semibold">
        {attach
          ? `Binding ${keyName} to ${names} failed`
          : `Detaching ${keyName} from ${names} failed`}
      </p>
      <ul className="flex flex-col gap-1 wrap-anywhere">
        {failures.map((failure) => (
          <li key={failure.id}>
            <span className="font-medium">{failure.deployment}</span>: {failure.message}
          </li>
        ))}
      </ul>
      <p className="text-fg-muted">
        {attach
          ? `${keyName} does not unlock ${names} until it is bound. Retry now, or later from the key's row in the list.`
          : `${keyName} still unlocks ${names}. Retry now, or later from the key's row in the list.`}
      </p>
      <p role="status" className="text-fg-muted empty:hidden">
        {retrying ? 'Retrying…' : ''}
      </p>
      <div className="flex flex-wrap justify-end gap-2">
        <Button
          aria-disabled={retrying}
          onClick={() => {
            if (!retrying) onRetry();
          }}
        >
          {attach ? `Retry binding ${keyName}` : `Retry detaching ${keyName}`}
        </Button>
        <Button
          variant="ghost"
          aria-label={`Dismiss the notice about ${keyName}`}
          onClick={onDismiss}
        >
          Dismiss
        </Button>
      </div>
    </div>
  );
}
