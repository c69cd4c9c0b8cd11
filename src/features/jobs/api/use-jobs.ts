import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { apiKeyKeys } from '../../api-keys/api/api-key-query-keys';
import type { Job } from './job-contract';
import { jobQueryOptions, projectJobsQueryOptions } from './job-queries';
import { isActiveJob } from './job-query-keys';

const NO_JOBS: readonly Job[] = [];

/**
 * A project's jobs, polled every second while one is queued or running, else every 15 s (others'
 * jobs, another browser's). `enabled` is false where no job ever runs (binding inside the key
 * call, v2).
 */
export function useProjectJobs(projectId: number | undefined, enabled: boolean): readonly Job[] {
  const query = useQuery({
    ...projectJobsQueryOptions(projectId ?? 0),
    enabled: enabled && projectId !== undefined,
  });
  const jobs = query.data ?? NO_JOBS;
  useRefreshOnJobEnd(jobs);
  return jobs;
}

/** Jobs by id, each polled while it moves; undefined for one not read yet. */
export function useJobs(ids: readonly string[]): (Job | undefined)[] {
  const jobs = useQueries({
    queries: ids.map((id) => jobQueryOptions(id)),
    combine: (results) => results.map((result) => result.data),
  });
  useRefreshOnJobEnd(jobs);
  return jobs;
}

/**
 * A job that lands a step, or ends, changed keys and deployments on Gcore: their lists are read
 * again then, whoever is left on screen, so a deployment bound first shows while the next binds.
 */
function useRefreshOnJobEnd(jobs: readonly (Job | undefined)[]): void {
  const client = useQueryClient();
  const landed = useRef(new Map<string, number>());
  useEffect(() => {
    let changed = false;
    for (const job of jobs) {
      if (!job) continue;
      if (!isActiveJob(job)) {
        if (landed.current.delete(job.id)) changed = true;
        continue;
      }
      const count = landedSteps(job);
      const before = landed.current.get(job.id);
      landed.current.set(job.id, count);
      if (before !== undefined && count > before) changed = true;
    }
    if (!changed) return;
    void client.invalidateQueries({ queryKey: apiKeyKeys.all });
    void client.invalidateQueries({ queryKey: apiKeyKeys.allDeployments });
  }, [client, jobs]);
}

const landedSteps = (job: Job) =>
  job.steps.filter((step) => step.status === 'done').length + (job.key_deleted ? 1 : 0);
