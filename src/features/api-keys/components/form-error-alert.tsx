import { Button } from '../../../components/ui/button';
import type { RootError } from '../model/map-create-error';

/** Errors no field owns, next to the button that caused them, with the id support asks for. */
export function FormErrorAlert({ error, onRetry }: { error: RootError; onRetry: () => void }) {
  return (
    <div
      role="alert"
      className="flex flex-col gap-2 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900"
    >
      <p>{error.message}</p>
      {error.requestId && (
        <p>
          Request ID: <span className="font-mono select-all">{error.requestId}</span>
        </p>
      )}
      {error.retryable && (
        <div>
          <Button onClick={onRetry}>Try again</Button>
        </div>
      )}
    </div>
  );
}
