import type { QueryClient } from '@tanstack/react-query';
import { localJobs } from '../model/local-jobs';
import type { Job } from './job-contract';
import { jobKeys } from './job-query-keys';

/**
 * The key was deleted: its jobs started here have nothing left to retry, so their notices go.
 * Known from what the page has read of them (a project's list, a job followed on its own).
 */
export function forgetKeyJobs(client: QueryClient, projectId: number, keyName: string): void {
  const known = client
    .getQueriesData<Job | Job[]>({ queryKey: jobKeys.all })
    .flatMap(([, data]) => (data === undefined ? [] : Array.isArray(data) ? data : [data]));
  for (const job of known) {
    if (job.project_id === projectId && job.key_name === keyName) localJobs.forget(job.id);
  }
}
