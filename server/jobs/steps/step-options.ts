import type { JobCalls } from '../gateway-client.ts';
import type { JobClock } from './job-clock.ts';

/** What every step of one job works with. */
export type StepOptions = {
  calls: JobCalls;
  clock: JobClock;
  /** How often a Gcore task is polled. */
  pollIntervalMs: number;
  /** How long one step may go on retrying and waiting before it is given up. */
  giveUpAfterMs: number;
  /** The job's lease: aborted, the step stops at once and rejects with the reason. */
  signal: AbortSignal;
};
