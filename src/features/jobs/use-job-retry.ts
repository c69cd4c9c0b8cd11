import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { describeError } from '../../lib/describe-error';
import { postRetry } from './api/post-job';
import { jobKeys } from './api/job-query-keys';

export const retryFailure = (error: unknown) =>
  `The retry did not go through: ${describeError(error)}`;

/**
 * Asks the server to resume jobs, and keeps, per job, why such a request failed, for the place
 * where the person pressed Retry to say so: a refused or lost retry must never look like one that
 * runs. A refusal (409) means the job moved on meanwhile: it is read again to show where it is.
 */
export function useJobRetry() {
  const client = useQueryClient();
  const [errors, setErrors] = useState<ReadonlyMap<string, string>>(() => new Map());
  const set = useCallback((id: string, error: string | null) => {
    setErrors((before) => {
      if (!before.has(id) && error === null) return before;
      const after = new Map(before);
      if (error === null) after.delete(id);
      else after.set(id, error);
      return after;
    });
  }, []);
  const retry = useCallback(
    (id: string) => {
      set(id, null);
      postRetry(client, id).catch((error: unknown) => {
        set(id, retryFailure(error));
        void client.invalidateQueries({ queryKey: jobKeys.all });
      });
    },
    [client, set],
  );
  return { retry, errors };
}
