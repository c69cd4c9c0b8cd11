import type { Job, JobState, JobStep } from '../../src/features/jobs/api/job-contract.ts';

/**
 * A job as the server keeps it: the page's view plus what only workers need. Never a token or a
 * secret: a personal job's token lives in the memory of the worker that holds it, nowhere else.
 */
export type JobRecord = Job & {
  /** `shared`: the server's token, any replica runs it; `personal`: only the holder of the token. */
  token_mode: 'shared' | 'personal';
  /** What a kind needs to resume where it stopped (detach-and-delete's state), as JSON. */
  detail: unknown;
  attempts: number;
};

/** Where a job stands, saved after every step so another worker resumes from there. */
export type JobProgress = { steps: JobStep[]; key_deleted: boolean; detail: unknown };

export type JobContext = {
  /** The caller's `Authorization` for a personal job; undefined when the server's token is used. */
  authorization: string | undefined;
  /** Aborted when this worker loses the job's lease or the server stops. */
  signal: AbortSignal;
  report(progress: JobProgress): Promise<void>;
  /** Another job's state (a retirement waits for its rotation's bind job); undefined if gone. */
  jobState(id: string): Promise<JobState | undefined>;
};

/** How a job ended. */
export type JobEnd = { state: 'done' } | { state: 'failed'; failure: string };

/**
 * `postponed`: not its turn yet (what it waits for is still running): back in the queue until
 * `until`, the attempt not counted.
 */
export type JobOutcome = JobEnd | { state: 'postponed'; until: Date };

/** Runs one job from where its record says it stands; each step idempotent. */
export type JobExecutor = (job: JobRecord, context: JobContext) => Promise<JobOutcome>;
