import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { ErrorDetail } from '../../../components/ui/error-detail';
import { describeError } from '../../../lib/describe-error';
import { formatTime } from '../../../lib/format-date';
import { explainLoadError } from '../shared/explain-load-error';

type Props = { error: unknown; onRetry: () => void };

/** A first load that failed: nothing to show, so the retry is the main action. */
export function KeysLoadError({ error, onRetry }: Props) {
  // A 401/403 gets plain words; the API's own (with the request id) go behind a disclosure.
  const { message, detail } = explainLoadError(error);
  return (
    <Alert>
      <p>Could not load the API keys: {message}</p>
      {detail && <ErrorDetail detail={detail} />}
      <Button onClick={onRetry}>Retry</Button>
    </Alert>
  );
}

/**
 * A background refresh that failed: the rows stay, marked as possibly out of date. While the API
 * cannot be reached, the page's banner gives the cause and Retry: this only dates the rows.
 */
export function StaleKeysBanner({
  error,
  updatedAt,
  onRetry,
  apiDown,
}: Props & { updatedAt: number; apiDown: boolean }) {
  const loadedAt = formatTime(new Date(updatedAt));
  if (apiDown) {
    return (
      <p className="text-warning-fg text-sm">
        The list below may be out of date (loaded at {loadedAt}).
      </p>
    );
  }
  return (
    <div
      role="alert"
      className="border-warning-line bg-warning-subtle text-warning-fg flex flex-wrap items-center justify-between gap-2 rounded-md border p-3 text-sm"
    >
      <p>
        Refreshing failed: {describeError(error)}. The list below may be out of date (loaded at{' '}
        {loadedAt}).
      </p>
      <Button onClick={onRetry}>Retry</Button>
    </div>
  );
}
