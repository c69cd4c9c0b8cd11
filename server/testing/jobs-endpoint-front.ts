import { devOriginPolicy } from '../gateway/dev-origin-policy.ts';
import type { Sql } from '../jobs/database.ts';
import { jobLeases } from '../jobs/job-leases.ts';
import { createJobRunner } from '../jobs/job-runner.ts';
import { jobStore } from '../jobs/job-store.ts';
import type { JobExecutor } from '../jobs/job-types.ts';
import { jobsEndpoint } from '../jobs/jobs-endpoint.ts';
import { everyReader, type ReaderCheck } from '../jobs/reader-check.ts';
import { retireStore } from '../jobs/retire-store.ts';
import { TEST_LEASE_MS } from './job-fixtures.ts';
import { startMiddlewareFront } from './jobs-front.ts';

export type JobsEndpointFrontOptions = {
  sql: Sql;
  now: () => Date;
  executor: JobExecutor;
  sharedToken: boolean;
  identify: () => string | undefined;
  /** Who may read the list: anyone unless told (personal sign-in checks the token). */
  readers?: ReaderCheck;
  /** Where the runner's and the endpoint's JSON lines go: nowhere unless told. */
  writeLine?: (line: string) => void;
};

/**
 * `/__app/jobs` as the server mounts it, with its own runner on the test database and clock,
 * behind a bare loopback server; the runner is handed back so a test can wake it and wait.
 */
export async function startJobsEndpointFront(options: JobsEndpointFrontOptions) {
  const { sql, now, writeLine = () => {} } = options;
  const runner = createJobRunner({
    leases: jobLeases(sql, now, TEST_LEASE_MS),
    executor: options.executor,
    clock: now,
    leaseMs: TEST_LEASE_MS,
    pollMs: 1000,
    writeLine,
  });
  const started = await startMiddlewareFront(
    jobsEndpoint({
      store: jobStore(sql, now),
      retire: retireStore(sql, now),
      retireMinDelayMs: 3_600_000,
      clock: now,
      runner,
      readers: options.readers ?? everyReader,
      policy: devOriginPolicy(undefined),
      identify: options.identify,
      sharedToken: options.sharedToken,
      leaseMs: TEST_LEASE_MS,
      writeLine,
    }),
  );
  return { ...started, runner };
}
