import type { GatewayClient } from '../gateway-client.ts';
import type { JobExecutor } from '../job-types.ts';
import { runBindingJob } from './binding-job.ts';
import { runDetachAndDeleteJob } from './detach-and-delete-job.ts';
import type { JobClock } from './job-clock.ts';
import { runRetireJob } from './retire-job.ts';
import type { StepOptions } from './step-options.ts';

export type JobExecutorOptions = {
  gateway: GatewayClient;
  clock: JobClock;
  /** How often a Gcore task is polled; 3 s, as the page did. */
  pollIntervalMs?: number;
  /** JOB_GIVE_UP_MS: how long one step goes on retrying and waiting; 10 minutes. */
  giveUpAfterMs?: number;
};

export const DEFAULT_POLL_INTERVAL_MS = 3_000;
export const DEFAULT_GIVE_UP_AFTER_MS = 10 * 60_000;

/**
 * What each kind of job does on Gcore, from where its record says it stands. Resolves to how the
 * job ended; when the job's signal aborts (lease lost, server stopping) it rejects with the
 * signal's reason instead, promptly, and the runner puts the job back in the queue.
 */
export function createJobExecutor(options: JobExecutorOptions): JobExecutor {
  return async (job, context) => {
    const steps: StepOptions = {
      calls: options.gateway.forJob({
        projectId: job.project_id,
        startedBy: job.started_by,
        authorization: context.authorization,
        signal: context.signal,
      }),
      clock: options.clock,
      pollIntervalMs: options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
      giveUpAfterMs: options.giveUpAfterMs ?? DEFAULT_GIVE_UP_AFTER_MS,
      signal: context.signal,
    };
    context.signal.throwIfAborted();
    switch (job.kind) {
      case 'bind':
      case 'unbind':
        return runBindingJob(job, context, steps);
      case 'detach-and-delete':
        return runDetachAndDeleteJob(job, context, steps);
      case 'retire':
        return runRetireJob(job, context, steps);
    }
  };
}
