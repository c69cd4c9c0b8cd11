import { randomUUID } from 'node:crypto';
import type { ChangedJob, JobLeases } from './job-leases.ts';
import { jobLogLine } from './job-log.ts';
import type { Clock } from './job-store.ts';
import type { JobExecutor, JobOutcome, JobProgress, JobRecord } from './job-types.ts';

export type JobRunnerOptions = {
  leases: JobLeases;
  executor: JobExecutor;
  clock: Clock;
  leaseMs: number;
  pollMs: number;
  /** Jobs this worker runs at once: each holds a few sockets and polls a task. */
  concurrency?: number;
  writeLine: (line: string) => void;
  /** Every state change this worker logs (metrics count the ends). */
  onJobChange?: (job: ChangedJob) => void;
  workerId?: string;
};

const UNEXPECTED = 'The job stopped on an unexpected error in the server; resume it to try again.';

/**
 * One worker: claims due jobs every `pollMs` (and at once when this process starts or resumes
 * one), runs them through the executor under a lease it renews every third of the lease, and
 * aborts a job whose lease it lost. Personal tokens live in `tokens` only, for a job's life.
 */
export function createJobRunner(options: JobRunnerOptions) {
  const { leases, clock, writeLine } = options;
  const workerId = options.workerId ?? randomUUID();
  const concurrency = options.concurrency ?? 4;
  const tokens = new Map<string, string>();
  const running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  const timers: NodeJS.Timeout[] = [];
  let stopped = false;
  let ticking: Promise<void> | undefined;
  let again = false;

  const log = (job: Parameters<typeof jobLogLine>[0]) => {
    writeLine(jobLogLine(job, clock()));
    options.onJobChange?.(job);
  };
  const logError = (msg: string, error: unknown) =>
    writeLine(JSON.stringify({ type: 'error', msg, error: String(error) }));

  async function tick(): Promise<void> {
    for (const job of await leases.expire()) {
      tokens.delete(job.id);
      log(job);
    }
    if (stopped) return;
    for (const job of await leases.claim(workerId, concurrency - running.size)) {
      log(job);
      run(job);
    }
  }

  function run(job: JobRecord): void {
    const controller = new AbortController();
    const report = async (progress: JobProgress) => {
      if (!(await leases.saveProgress(workerId, job.id, progress))) controller.abort();
    };
    const done = (async () => {
      let outcome: JobOutcome;
      try {
        outcome = await options.executor(job, {
          authorization: tokens.get(job.id),
          signal: controller.signal,
          report,
          jobState: (id) => leases.stateOf(id),
        });
      } catch (error) {
        if (!controller.signal.aborted) logError('job failed unexpectedly', error);
        outcome = { state: 'failed', failure: UNEXPECTED };
      }
      if (controller.signal.aborted) return;
      if (outcome.state === 'postponed') {
        const queued = await leases.postpone(workerId, job.id, outcome.until);
        if (!queued) tokens.delete(job.id);
        else log(queued);
        return;
      }
      const finished = await leases.finish(workerId, job.id, outcome);
      tokens.delete(job.id);
      if (finished)
        log({ ...finished, failure: outcome.state === 'failed' ? outcome.failure : null });
    })()
      .catch((error: unknown) => logError('could not record a job’s end', error))
      .finally(() => {
        running.delete(job.id);
        // A free slot: the next queued job need not wait for the poll.
        if (!stopped) void wake();
      });
    running.set(job.id, { controller, done });
  }

  /** One claim round now; rounds never overlap, a request during one runs another after it. */
  function wake(): Promise<void> {
    if (ticking) {
      again = true;
      return ticking;
    }
    ticking = (async () => {
      do {
        again = false;
        await tick().catch((error: unknown) => logError('job claim round failed', error));
      } while (again && !stopped);
    })().finally(() => {
      ticking = undefined;
    });
    return ticking;
  }

  /** Renews this worker's leases; a job whose lease is gone is aborted, its token dropped. */
  async function renew(): Promise<void> {
    const ids = [...new Set([...running.keys(), ...tokens.keys()])];
    const kept = await leases.renew(workerId, ids);
    for (const id of ids) {
      if (kept.has(id)) continue;
      running.get(id)?.controller.abort();
      tokens.delete(id);
    }
  }

  return {
    workerId,
    wake,
    renew,
    /**
     * Holds a personal job's token for this worker, before the job is written or re-queued, so
     * no claim can find it without one. The answer undoes it when the write is refused.
     */
    hold(jobId: string, authorization: string): () => void {
      const before = tokens.get(jobId);
      tokens.set(jobId, authorization);
      return () => {
        if (before === undefined) tokens.delete(jobId);
        else tokens.set(jobId, before);
      };
    },
    start(): void {
      const every = (ms: number, fn: () => Promise<void>) => {
        const timer = setInterval(() => {
          fn().catch((error: unknown) => logError('job lease renewal failed', error));
        }, ms);
        timer.unref();
        timers.push(timer);
      };
      every(options.pollMs, wake);
      every(Math.max(1, Math.floor(options.leaseMs / 3)), renew);
      void wake();
    },
    /** Resolves when no claim round and no job of this worker is under way (tests). */
    async idle(): Promise<void> {
      while (ticking || running.size > 0) {
        await ticking;
        await Promise.all([...running.values()].map((entry) => entry.done));
      }
    },
    /** Stops claiming, aborts its jobs and hands them back: shared ones to another replica. */
    async stop(): Promise<void> {
      stopped = true;
      for (const timer of timers.splice(0)) clearInterval(timer);
      for (const entry of running.values()) entry.controller.abort();
      await ticking;
      await Promise.all([...running.values()].map((entry) => entry.done));
      for (const job of await leases.release(workerId)) log(job);
      tokens.clear();
    },
  };
}

export type JobRunner = ReturnType<typeof createJobRunner>;
