import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import { describeError } from '../../lib/describe-error';
import type { Job, StartJobInput } from './api/job-contract';
import { postJob } from './api/post-job';
import { useJobs } from './api/use-jobs';
import { useJobRetry } from './use-job-retry';

/**
 * One job a dialog starts and follows: `begin` posts it once (however often it is called),
 * then the job comes from the server's answers, polled. The post does not depend on the dialog:
 * closed meanwhile, the job still starts and runs. `retry` posts again a start that failed, or
 * asks the server to resume a job that failed or was interrupted.
 */
export function useJobRun(input: StartJobInput | null, onStarted?: (job: Job) => void) {
  const client = useQueryClient();
  const begun = useRef(false);
  const resume = useJobRetry();
  const start = useMutation({
    mutationFn: (body: StartJobInput) => postJob(client, body),
    retry: false,
    // An option of the mutation, not of `mutate`: it runs even when the dialog closed meanwhile.
    onSuccess: (job) => onStarted?.(job),
  });
  const { mutate } = start;
  const [polled] = useJobs(start.data ? [start.data.id] : []);
  const job: Job | undefined = polled ?? start.data;
  const begin = useCallback(() => {
    if (!input || begun.current) return;
    begun.current = true;
    mutate(input);
  }, [input, mutate]);
  const retry = () => {
    if (start.isError && input) mutate(input);
    else if (job && (job.state === 'failed' || job.state === 'interrupted')) {
      resume.retry(job.id);
    }
  };
  return {
    job,
    /** Why the server did not take the job; null while it has not answered, or took it. */
    startError: start.isError ? describeError(start.error) : null,
    /** Why the last Retry of the job did not reach it or was refused; null otherwise. */
    retryError: (job && resume.errors.get(job.id)) ?? null,
    /** Posted, the server has not answered yet. */
    starting: start.isPending,
    begin,
    retry,
  };
}
