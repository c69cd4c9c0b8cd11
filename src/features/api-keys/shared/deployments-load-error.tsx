import { ErrorDetail } from '../../../components/ui/error-detail';
import { explainLoadError } from './explain-load-error';

/** In the picker's own box: the form around it stays usable, and Retry is one step away. */
export function DeploymentsLoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { message, detail } = explainLoadError(error);
  return (
    <div role="alert" className="flex flex-col gap-1">
      <p className="text-danger-fg text-sm">
        Could not load deployments: {message}{' '}
        <button type="button" className="underline" onClick={onRetry}>
          Retry
        </button>
      </p>
      {detail && <ErrorDetail detail={detail} />}
    </div>
  );
}
