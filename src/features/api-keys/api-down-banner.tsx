import { useQueryClient } from '@tanstack/react-query';
import { Button } from '../../components/ui/button';
import { ErrorDetail } from '../../components/ui/error-detail';
import { downError } from '../../lib/api-down';
import { describeError } from '../../lib/describe-error';
import { useApiDown } from '../../lib/use-api-down';

export const API_DOWN_SENTENCE = 'Gcore’s API can’t be reached right now. We’ll keep trying.';

/**
 * The one place that says Gcore's API cannot be reached: a sentence anyone understands, the
 * technical cause and request id folded away for whoever runs the dashboard, and Retry for
 * the impatient (the reads ask again by themselves, see `createQueryClient`).
 */
export function ApiDownBanner() {
  const queryClient = useQueryClient();
  const error = useApiDown();
  if (error === null) return null;
  // Asks now, even where a try is under way or waiting for its turn: Retry never waits.
  const retry = async () => {
    const down = queryClient.getQueryCache().findAll({ predicate: (q) => downError(q) !== null });
    await Promise.all(down.map((query) => query.cancel()));
    await queryClient.refetchQueries({ predicate: (query) => down.includes(query) });
  };
  return (
    <div
      role="alert"
      aria-label="Gcore’s API can’t be reached"
      className="border-danger-line bg-danger-subtle text-danger-fg flex flex-wrap items-start justify-between gap-3 rounded-md border p-3 text-sm"
    >
      <div className="flex min-w-0 flex-col gap-1">
        <p className="font-medium">{API_DOWN_SENTENCE}</p>
        <ErrorDetail detail={describeError(error)} />
      </div>
      <Button onClick={() => void retry()}>Retry</Button>
    </div>
  );
}
