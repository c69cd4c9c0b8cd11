import { apiRequest } from '../../../lib/api-client';
import {
  JOBS_PATH,
  JOBS_SETTINGS_PATH,
  jobCancelPath,
  jobListSchema,
  jobPath,
  jobRetryPath,
  jobRunNowPath,
  jobSchema,
  jobsSettingsSchema,
  startAnyJobInputSchema,
  type Job,
  type JobsSettings,
  type StartAnyJobInput,
} from './job-contract';

/**
 * The app server's jobs service, through the page's one fetch wrapper: the same errors,
 * time-outs and request ids as the API's calls, and the signed-in token, which a personal-token
 * server holds in memory for the job's life. Every answer is parsed with the contract.
 */
export function startJob(input: StartAnyJobInput): Promise<Job> {
  return apiRequest({
    method: 'POST',
    path: JOBS_PATH,
    // Posted as the secret shows, when a person may close the tab at once: the job must land.
    keepalive: true,
    // A body the contract refuses is a bug of the page, not something to send and see.
    body: startAnyJobInputSchema.parse(input),
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

/** A scheduled or held retirement, run at once ("Retire now"). */
export function runJobNow(id: string): Promise<Job> {
  return apiRequest({ method: 'POST', path: jobRunNowPath(id), schema: jobSchema });
}

/** A scheduled or held retirement called off ("Keep"): both keys stay. */
export function cancelJob(id: string): Promise<Job> {
  return apiRequest({ method: 'POST', path: jobCancelPath(id), schema: jobSchema });
}

export function getJobsSettings(signal?: AbortSignal): Promise<JobsSettings> {
  return apiRequest({
    method: 'GET',
    path: JOBS_SETTINGS_PATH,
    schema: jobsSettingsSchema,
    signal,
  });
}
