import { apiRequest } from '../../../lib/api-client';
import {
  JOBS_PATH,
  jobListSchema,
  jobPath,
  jobRetryPath,
  jobSchema,
  startJobInputSchema,
  type Job,
  type StartJobInput,
} from './job-contract';

/**
 * The app server's jobs service, through the page's one fetch wrapper: the same errors,
 * time-outs and request ids as the API's calls, and the signed-in token, which a personal-token
 * server holds in memory for the job's life. Every answer is parsed with the contract.
 */
export function startJob(input: StartJobInput): Promise<Job> {
  return apiRequest({
    method: 'POST',
    path: JOBS_PATH,
    // Posted as the secret shows, when a person may close the tab at once: the job must land.
    keepalive: true,
    // A body the contract refuses is a bug of the page, not something to send and see.
    body: startJobInputSchema.parse(input),
    schema: jobSchema,
  });
}

export async function listJobs(projectId: number, signal?: AbortSignal): Promise<Job[]> {
  const list = await apiRequest({
    method: 'GET',
    path: JOBS_PATH,
    query: { project_id: projectId },
    schema: jobListSchema,
    signal,
  });
  return list.results;
}

export function getJob(id: string, signal?: AbortSignal): Promise<Job> {
  return apiRequest({ method: 'GET', path: jobPath(id), schema: jobSchema, signal });
}

/** A failed or interrupted job back in the queue; it goes on from the steps not done. */
export function retryJob(id: string): Promise<Job> {
  return apiRequest({
    method: 'POST',
    path: jobRetryPath(id),
    schema: jobSchema,
    keepalive: true,
  });
}
