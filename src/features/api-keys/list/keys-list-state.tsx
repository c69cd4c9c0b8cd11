import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { ErrorDetail } from '../../../components/ui/error-detail';
import { describeError } from '../../../lib/describe-error';
import { explainAuthError } from '../../../lib/explain-auth-error';
import { readAuthMode } from '../../auth/auth-mode';

type Props = { error: unknown; onRetry: () => void };

/** A first load that failed: nothing to show, so the retry is the main action. */
export function KeysLoadError({ error, onRetry }: Props) {
  // A 401/403 gets plain words; the API's own (with the request id) go behind a disclosure.
  const auth = explainAuthError(error, readAuthMode());
  return (
    <Alert>
      <p>Could not load the API keys: {auth ? auth.message : describeError(error)}</p>
      {auth && <ErrorDetail detail={auth.detail} />}
      <Button onClick={onRetry}>Retry</Button>
    </Alert>
  );
}

/** A background refresh that failed: the rows stay, marked as possibly out of date. */
export function StaleKeysBanner({ error, updatedAt, onRetry }: Props & { updatedAt: number }) {
  return (
    <div
      role="alert"
      className="border-warning-line bg-warning-subtle text-warning-fg flex flex-wrap items-center justify-between gap-2 rounded-md border p-3 text-sm"
    >
      <p>
        Refreshing failed: {describeError(error)}. The list below may be out of date (loaded at{' '}
        {new Date(updatedAt).toLocaleTimeString()}).
      </p>
      <Button onClick={onRetry}>Retry</Button>
    </div>
  );
}
