import { useLayoutEffect, useRef } from 'react';
import { Button } from '../../../components/ui/button';
import type { BindingFailure } from '../../jobs/model/job-failures';
import { failureSubject, failureWords } from './failure-words';

type BindingFailureToastProps = {
  /** One key's failures in one project, all of one kind: binding, detaching or deleting. */
  failures: readonly BindingFailure[];
  onRetry: () => void;
  onDismiss: () => void;
  /** Where focus goes when this toast leaves while holding it. */
  onFocusLost: () => void;
};

/**
 * One key's bindings, or its deletion, that did not land: announced at once, kept until dismissed
 * or a retry lands, saying what the key now does and does not unlock and what to do.
 */
export function BindingFailureToast({
  failures,
  onRetry,
  onDismiss,
  onFocusLost,
}: BindingFailureToastProps) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    // Runs before React removes the toast, so focus can move before it would fall to the page.
    return () => {
      if (element?.contains(document.activeElement)) onFocusLost();
    };
  }, [onFocusLost]);
  const keyName = failures[0]?.keyName;
  if (keyName === undefined) return null;
  const words = failureWords(failures);
  const retrying = failures.some((failure) => failure.retrying);
  const retryError = failures.find((failure) => failure.retryError)?.retryError ?? '';
  return (
    <div
      ref={ref}
      role="alert"
      className="border-danger-line bg-surface text-fg flex flex-col gap-2 rounded-lg border p-3 text-sm shadow-lg"
    >
      <p className="text-danger-fg font-semibold">{words.headline}</p>
      <ul className="flex flex-col gap-1 wrap-anywhere">
        {failures.map((failure) => (
          <li key={failure.id}>
            <span className="font-medium">{failureSubject(failure)}</span>: {failure.message}
          </li>
        ))}
      </ul>
      <p className="text-fg-muted">{words.consequence}</p>
      <p role="status" className="text-fg-muted empty:hidden">
        {retrying ? 'Retrying…' : retryError}
      </p>
      <div className="flex flex-wrap justify-end gap-2">
        <Button
          aria-disabled={retrying}
          onClick={() => {
            if (!retrying) onRetry();
          }}
        >
          {words.retry}
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
