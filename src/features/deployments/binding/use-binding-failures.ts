import { useMemo } from 'react';
import type { Job } from '../../jobs/api/job-contract';
import { useProjectJobs } from '../../jobs/api/use-jobs';
import { jobFailures, jobIdsOf, type BindingFailure } from '../../jobs/model/job-failures';
import { latestJobsByKey } from '../../jobs/model/key-jobs';
import { localJobs, useLocalJobs } from '../../jobs/model/local-jobs';
import { useJobRetry } from '../../jobs/use-job-retry';

export type BindingFailures = {
  /** Jobs' work that did not land and has not landed since. */
  failures: readonly BindingFailure[];
  /** Runs these failures' jobs again (`POST …/retry`); each leaves when its job lands. */
  retry: (ids: readonly string[]) => void;
  /** Closes their notice; the list keeps marking the key. */
  dismiss: (ids: readonly string[]) => void;
};

/** Failures and what to do about them, over jobs the server reports. */
export function useFailuresOf(jobs: readonly (Job | undefined)[]): BindingFailures {
  const { retried, dismissed } = useLocalJobs();
  // Per place that shows failures: a retry that did not go through is said where it was pressed.
  const { retry, errors } = useJobRetry();
  return useMemo(() => {
    const failures = jobs.flatMap((job) =>
      job
        ? jobFailures(job, { retried, dismissed }).map((failure) => ({
            ...failure,
            retryError: errors.get(failure.jobId) ?? null,
          }))
        : [],
    );
    return {
      failures,
      retry: (ids) => {
        for (const id of jobIdsOf(failures, ids)) retry(id);
      },
      dismiss: (ids) => {
        for (const id of jobIdsOf(failures, ids)) localJobs.dismiss(id);
      },
    };
  }, [jobs, retried, dismissed, retry, errors]);
}

/**
 * A project's failed jobs, whoever started them, for the rows and the key's details: each key's
 * latest job of each kind, so a later job that landed clears an older failure.
 */
export function useProjectFailures(projectId: number | undefined, enabled: boolean) {
  const jobs = useProjectJobs(projectId, enabled);
  const latest = useMemo(() => [...latestJobsByKey(jobs).values()].flat(), [jobs]);
  return useFailuresOf(latest);
}
