import { useQueries } from '@tanstack/react-query';
import { useEffect } from 'react';
import { isApiError } from '../../lib/api-error';
import type { Job } from './api/job-contract';
import { jobQueryOptions } from './api/job-queries';
import { localJobs, useLocalJobs } from './model/local-jobs';

/**
 * The jobs started in this browser, in any project, each polled while it moves. One that landed,
 * or that the server no longer knows, is forgotten: there is nothing left to tell about it.
 */
export function useStartedJobs(): (Job | undefined)[] {
  const { started } = useLocalJobs();
  const results = useQueries({
    queries: started.map((id) => jobQueryOptions(id)),
    combine: (all) => all.map((result, index) => ({ id: started[index], ...result })),
  });
  useEffect(() => {
    for (const { id, data, error } of results) {
      if (id === undefined) continue;
      const gone = isApiError(error) && error.status === 404;
      if (gone || data?.state === 'done' || data?.state === 'cancelled') localJobs.forget(id);
    }
  }, [results]);
  return results.map((result) => result.data);
}
