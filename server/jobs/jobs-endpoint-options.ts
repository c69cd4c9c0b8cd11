import type { IncomingMessage } from 'node:http';
import type { OriginPolicy } from '../gateway/request-origin.ts';
import type { ChangedJob } from './job-leases.ts';
import type { JobRunner } from './job-runner.ts';
import type { Clock, JobStore } from './job-store.ts';
import type { ReaderCheck } from './reader-check.ts';
import type { RetireStore } from './retire-store.ts';

export type JobsEndpointOptions = {
  store: Pick<JobStore, 'create' | 'get' | 'list' | 'retry'>;
  retire: RetireStore;
  runner: Pick<JobRunner, 'workerId' | 'hold' | 'wake'>;
  policy: OriginPolicy;
  /** Who may list and read jobs (under personal sign-in, only those the API accepts). */
  readers: ReaderCheck;
  /** The audit identity a job is started under; undefined when no trusted one came with it. */
  identify: (req: IncomingMessage) => string | undefined;
  /** The server's own token does the work; otherwise each caller's Authorization. */
  sharedToken: boolean;
  leaseMs: number;
  /** RETIRE_MIN_DELAY_MS: the shortest grace a scheduled retirement may have. */
  retireMinDelayMs: number;
  writeLine: (line: string) => void;
  clock?: Clock;
  /** Every state change made here rather than by a worker (a retirement called off). */
  onJobChange?: (job: ChangedJob) => void;
};
