import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { Job } from './job-contract';
import { isActiveJob, jobKeys } from './job-query-keys';
import { waitsForLater } from '../model/key-rotations';

// The client and its contract load with the first job read, never with the page: only v3's
// list asks for jobs.
const client = () => import('./jobs-client');

/** While a job moves, the page follows it closely; otherwise it only notices others' jobs. */
export const ACTIVE_POLL_MS = 1_000;
export const IDLE_POLL_MS = 15_000;

/** A project's jobs (unfinished, and finished in the last day), newest first. */
export const projectJobsQueryOptions = (projectId: number) =>
  queryOptions({
    queryKey: jobKeys.project(projectId),
    queryFn: async ({ signal }) => (await client()).listJobs(projectId, signal),
    refetchInterval: (query) =>
      query.state.data?.some((job) => isActiveJob(job) && !waitsForLater(job, Date.now()))
        ? ACTIVE_POLL_MS
        : IDLE_POLL_MS,
  });

/** What the server allows a rotation's grace period; it changes only with a restart. */
export const jobsSettingsQueryOptions = () =>
  queryOptions({
    queryKey: jobKeys.settings,
    queryFn: async ({ signal }) => (await client()).getJobsSettings(signal),
    staleTime: Infinity,
  });

export const jobQueryOptions = (id: string) =>
  queryOptions({
    queryKey: jobKeys.detail(id),
    queryFn: async ({ signal }) => (await client()).getJob(id, signal),
    refetchInterval: (query) => {
      const job = query.state.data;
      return job && (!isActiveJob(job) || waitsForLater(job, Date.now()))
        ? IDLE_POLL_MS
        : ACTIVE_POLL_MS;
    },
  });

/**
 * A job the server just answered with (started, retried): into every cache that shows it, so
 * the page says so at once instead of at the next poll.
 */
export function upsertJob(client: QueryClient, job: Job): void {
  client.setQueryData(jobKeys.detail(job.id), job);
  client.setQueryData<Job[]>(jobKeys.project(job.project_id), (jobs) =>
    jobs === undefined
      ? undefined
      : jobs.some((other) => other.id === job.id)
        ? jobs.map((other) => (other.id === job.id ? job : other))
        : [job, ...jobs],
  );
}
