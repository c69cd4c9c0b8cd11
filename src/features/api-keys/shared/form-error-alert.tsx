import { useEffect, useRef } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { ErrorDetail } from '../../../components/ui/error-detail';
import type { RootError } from '../model/map-create-error';

/** Errors no field owns, next to the button that caused them, with the id support asks for. */
type FormErrorAlertProps = {
  error: RootError;
  onRetry: () => void;
  /** Offered when the write may have happened: the user checks before trying again. */
  onCheckList?: (() => void) | undefined;
};

export function FormErrorAlert({ error, onRetry, onCheckList }: FormErrorAlertProps) {
  const ref = useRef<HTMLDivElement>(null);
  // The form may be scrolled to its top (a long sheet, a phone): the answer to the click must be
  // where the user is looking, by the button.
  // Braces matter: Chromium's scrollIntoView returns a promise, which React takes for a cleanup.
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest' });
  }, [error]);
  return (
    <Alert ref={ref}>
      <p>{error.message}</p>
      {error.detail && <ErrorDetail detail={error.detail} />}
      {error.requestId && (
        <p>
          Request ID: <span className="font-mono select-all">{error.requestId}</span>
        </p>
      )}
      {(error.retryable || (error.outcomeUnknown && onCheckList)) && (
        <div className="flex flex-wrap gap-2">
          {error.outcomeUnknown && onCheckList && (
            <Button onClick={onCheckList}>Check the key list</Button>
          )}
          {error.retryable && <Button onClick={onRetry}>Try again</Button>}
        </div>
      )}
    </Alert>
  );
}
