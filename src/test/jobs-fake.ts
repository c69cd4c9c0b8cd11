import { act } from '@testing-library/react';
import type { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeAll, afterAll } from 'vitest';
import { jobKeys } from '../features/jobs/api/job-query-keys';
import { JobsFake } from './jobs-fake-service';
import { appRoutes } from './sandbox-server';

/** The page's next poll of every job it follows, at once instead of a second later. */
export async function poll(client: QueryClient): Promise<void> {
  await act(() => client.refetchQueries({ queryKey: jobKeys.all }));
}

/** Serves `/__app/jobs` beside the sandbox for one file; jobs and remembered ids reset per test. */
export function setupJobsFake(): JobsFake {
  const fake = new JobsFake();
  beforeAll(() => {
    appRoutes.jobs = (request) => fake.handle(request);
  });
  afterEach(() => {
    fake.reset();
    window.localStorage.clear();
  });
  afterAll(() => {
    appRoutes.jobs = null;
  });
  return fake;
}
