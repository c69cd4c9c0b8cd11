import type { Sql } from '../jobs/database.ts';
import { jobLeases } from '../jobs/job-leases.ts';
import { createJobRunner, type JobRunner } from '../jobs/job-runner.ts';
import type { Clock } from '../jobs/job-store.ts';
import type { JobContext, JobExecutor, JobOutcome, JobRecord } from '../jobs/job-types.ts';

export const TEST_LEASE_MS = 30_000;

/** A runner driven by hand (`wake`, `renew`, `idle`), its log lines kept for assertions. */
export function testRunner(sql: Sql, clock: Clock, executor: JobExecutor) {
  const lines: string[] = [];
  const runner: JobRunner = createJobRunner({
    leases: jobLeases(sql, clock, TEST_LEASE_MS),
    executor,
    clock,
    leaseMs: TEST_LEASE_MS,
    pollMs: 1000,
    writeLine: (line) => lines.push(line),
  });
  return { runner, lines };
}

export type GatedCall = { job: JobRecord; context: JobContext; end(outcome: JobOutcome): void };

/**
 * An executor whose jobs end when the test says so, or when their signal aborts (then
 * `aborted` is set). Everything it was given is kept, to check what a job received.
 */
export function gatedExecutor() {
  const calls: (GatedCall & { aborted: boolean })[] = [];
  const executor: JobExecutor = (job, context) =>
    new Promise<JobOutcome>((resolve) => {
      const call = { job, context, end: resolve, aborted: false };
      calls.push(call);
      context.signal.addEventListener('abort', () => {
        call.aborted = true;
        resolve({ state: 'failed', failure: 'aborted' });
      });
    });
  return { executor, calls };
}
