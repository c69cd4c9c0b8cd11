import { useEffect, useId, useRef } from 'react';
import { Button } from './button';

export type CloseWarning = {
  /** The question, e.g. "Close without copying? The secret cannot be shown again." */
  message: string;
  /** The button that closes anyway, e.g. "Close without copying". */
  confirmLabel: string;
};

type CloseWarningPanelProps = CloseWarning & { onKeepOpen: () => void; onConfirm: () => void };

/** Asked in place of the dialog's own buttons; "Keep open" takes focus, the safe choice. */
export function CloseWarningPanel({
  message,
  confirmLabel,
  onKeepOpen,
  onConfirm,
}: CloseWarningPanelProps) {
  const id = useId();
  const keepOpenRef = useRef<HTMLButtonElement>(null);
  useEffect(() => keepOpenRef.current?.focus(), []);
  return (
    <div
      role="group"
      aria-labelledby={id}
      className="border-danger-line bg-danger-subtle flex flex-col gap-3 rounded-md border p-3"
    >
      <p id={id} className="text-danger-fg text-sm font-medium">
        {message}
      </p>
      <div className="flex flex-wrap justify-end gap-2">
        <Button ref={keepOpenRef} onClick={onKeepOpen}>
          Keep open
        </Button>
        <Button variant="danger" onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </div>
    </div>
  );
}

/** While a warning is due, leaving or reloading the page asks the browser's own question. */
export function useUnloadWarning(active: boolean) {
  useEffect(() => {
    if (!active) return;
    const guard = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', guard);
    return () => window.removeEventListener('beforeunload', guard);
  }, [active]);
}
