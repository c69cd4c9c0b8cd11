import type { Job } from '../api/job-contract';

export type ProgressStatus = 'waiting' | 'running' | 'done' | 'failed' | 'interrupted';

/** One deployment's change as a dialog shows it: bind (`attach`) or detach, and where it stands. */
export type BindingProgressItem = {
  deployment: string;
  attach: boolean;
  status: ProgressStatus;
  /** Why it failed or stopped; null otherwise. */
  message: string | null;
};

/**
 * Where each deployment stands in a job, or, before the server answered the start, waiting (or
 * failed with why the job could not start). A step the job never reached because it stopped
 * says why the job stopped.
 */
export function jobProgressItems(
  job: Job | undefined,
  deployments: readonly string[],
  attach: boolean,
  startError: string | null = null,
): BindingProgressItem[] {
  return deployments.map((deployment) => {
    const step = job?.steps.find((s) => s.deployment === deployment);
    if (!job || !step) {
      return startError
        ? { deployment, attach, status: 'failed', message: `The job did not start: ${startError}` }
        : { deployment, attach, status: 'waiting', message: null };
    }
    if (step.status === 'done') return { deployment, attach, status: 'done', message: null };
    if (step.status === 'failed') {
      return { deployment, attach, status: 'failed', message: step.message ?? job.failure };
    }
    if (job.state === 'interrupted' || job.state === 'failed' || job.state === 'cancelled') {
      const status = job.state === 'interrupted' ? 'interrupted' : 'failed';
      return { deployment, attach, status, message: job.failure };
    }
    return {
      deployment,
      attach,
      status: step.status === 'running' ? 'running' : 'waiting',
      message: null,
    };
  });
}
