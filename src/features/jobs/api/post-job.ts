import type { QueryClient } from '@tanstack/react-query';
import { localJobs } from '../model/local-jobs';
import type { Job, StartAnyJobInput } from './job-contract';
import { upsertJob } from './job-queries';

/**
 * Starts a job on the server and remembers it as this browser's, so its failure reaches this
 * person even after the dialog closed or the page reloaded. A plain promise: it does not depend
 * on the component that called it staying mounted.
 */
export async function postJob(client: QueryClient, input: StartAnyJobInput): Promise<Job> {
  const { startJob } = await import('./jobs-client');
  const job = await startJob(input);
  localJobs.started(job.id);
  upsertJob(client, job);
  return job;
}

/** Runs a failed or interrupted job again from where it stopped; its notice says "Retrying…". */
export async function postRetry(client: QueryClient, id: string): Promise<Job> {
  localJobs.retried(id);
  const { retryJob } = await import('./jobs-client');
  const job = await retryJob(id);
  upsertJob(client, job);
  return job;
}

/** "Retire now" or "Keep" on a scheduled or held retirement. */
export async function postRetireDecision(
  client: QueryClient,
  id: string,
  decision: 'run-now' | 'cancel',
): Promise<Job> {
  const { runJobNow, cancelJob } = await import('./jobs-client');
  const job = await (decision === 'run-now' ? runJobNow(id) : cancelJob(id));
  upsertJob(client, job);
  return job;
}
