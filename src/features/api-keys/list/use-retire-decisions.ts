import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { describeError } from '../../../lib/describe-error';
import type { Job } from '../../jobs/api/job-contract';
import { jobKeys } from '../../jobs/api/job-query-keys';
import { postRetireDecision } from '../../jobs/api/post-job';
import { apiKeyKeys } from '../api/api-key-query-keys';

/**
 * "Retire now" (asked first) and "Keep" on a rotation's old key. Each outcome is announced in
 * the list's status region, and the jobs and keys are read again, whoever answered.
 */
export function useRetireDecisions(announce: (text: string) => void) {
  const client = useQueryClient();
  const [asking, setAsking] = useState<Job | null>(null);
  const decide = useCallback(
    (job: Job, decision: 'run-now' | 'cancel') => {
      const name = `“${job.key_name}”`;
      postRetireDecision(client, job.id, decision)
        .then(
          () =>
            announce(
              decision === 'run-now'
                ? `Retiring ${name} now.`
                : `Kept ${name}: it is no longer retired; both keys work.`,
            ),
          (error: unknown) =>
            announce(
              `${decision === 'run-now' ? 'Retiring' : 'Keeping'} ${name} did not go through: ${describeError(error)}`,
            ),
        )
        .finally(() => {
          void client.invalidateQueries({ queryKey: jobKeys.all });
          void client.invalidateQueries({ queryKey: apiKeyKeys.all });
        });
    },
    [client, announce],
  );
  return {
    asking,
    onRetireNow: useCallback((job: Job) => setAsking(job), []),
    onKeep: useCallback((job: Job) => decide(job, 'cancel'), [decide]),
    confirm: () => {
      if (asking) decide(asking, 'run-now');
      setAsking(null);
    },
    cancel: () => setAsking(null),
  };
}
