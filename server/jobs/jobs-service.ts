import type { IncomingMessage } from 'node:http';
import { ACTIVITY_PATH } from '../../src/features/activity/api/activity-contract.ts';
import { JOBS_PATH } from '../../src/features/jobs/api/job-contract.ts';
import { activityEndpoint } from '../activity/activity-endpoint.ts';
import type { ActivitySink } from '../activity/activity-sink.ts';
import { activityStore } from '../activity/activity-store.ts';
import { errorAnswer, sendError } from '../cloud-answer.ts';
import type { NodeMiddleware } from '../gateway/node-middleware.ts';
import type { OriginPolicy } from '../gateway/request-origin.ts';
import { openDatabase, type Queryable } from './database.ts';
import { jobLeases, type ChangedJob } from './job-leases.ts';
import { createJobRunner } from './job-runner.ts';
import { jobStore, type Clock } from './job-store.ts';
import type { JobExecutor } from './job-types.ts';
import { jobsEndpoint } from './jobs-endpoint.ts';
import type { JobsSettings } from './jobs-settings.ts';
import { runMigrations } from './migrations.ts';
import { retireStore } from './retire-store.ts';
import { createReaderCheck, everyReader } from './reader-check.ts';

export type JobsServiceOptions = JobsSettings & {
  executor: JobExecutor;
  writeLine: (line: string) => void;
  policy: OriginPolicy;
  identify: (req: IncomingMessage) => string | undefined;
  sharedToken: boolean;
  /** The API the gateway forwards to: under personal sign-in, it vouches for who may read jobs. */
  apiUrl: string;
  clock?: Clock;
  /** Every job state change (metrics count the ends). */
  onJobChange?: (job: ChangedJob) => void;
  /** Where the server's audit lines wait for this database (activity-sink.ts). */
  activity?: ActivitySink;
};

export type JobsService = {
  middleware: NodeMiddleware;
  /** The jobs database, for the server's other durable state (expiry warnings). */
  db: Queryable;
  /** Throws unless the database answers: readiness asks it. */
  ping(): Promise<void>;
  /** Every job gone: wired only to the server's own sandbox's reset, never to a real API. */
  forgetAll(): Promise<void>;
  close(): Promise<void>;
};

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The jobs service of one server process: database, schema, one worker, `/__app/jobs`, and
 * the activity log it keeps (`/__app/activity`, fed by `options.activity`). Finished jobs and
 * activity past the retention go at start and daily. `close` hands this worker's jobs
 * back (shared ones to another replica) before the database closes.
 */
export async function startJobsService(options: JobsServiceOptions): Promise<JobsService> {
  const clock = options.clock ?? (() => new Date());
  const sql = await openDatabase(options);
  try {
    await runMigrations(sql, undefined, clock);
  } catch (error) {
    await sql.close();
    throw error;
  }
  const store = jobStore(sql, clock);
  const activity = activityStore(sql, clock);
  const detachActivity = options.activity?.attach(activity);
  const runner = createJobRunner({
    leases: jobLeases(sql, clock, options.leaseMs),
    executor: options.executor,
    clock,
    leaseMs: options.leaseMs,
    pollMs: options.pollMs,
    writeLine: options.writeLine,
    onJobChange: options.onJobChange,
  });
  // Who did what is kept as long as the finished jobs it explains.
  const purge = () =>
    Promise.all([store.purge(options.retentionDays), activity.purge(options.retentionDays)]).catch(
      (error: unknown) => {
        options.writeLine(
          JSON.stringify({ type: 'error', msg: 'job purge failed', error: String(error) }),
        );
      },
    );
  await purge();
  const daily = setInterval(() => void purge(), DAY_MS);
  daily.unref();
  runner.start();
  const readers = options.sharedToken ? everyReader : createReaderCheck({ apiUrl: options.apiUrl });
  const jobs = jobsEndpoint({
    ...options,
    store,
    retire: retireStore(sql, clock),
    runner,
    clock,
    readers,
  });
  const activityReads = activityEndpoint({ ...options, store: activity, readers });
  return {
    middleware: (req, res, next) => {
      // Every other request (each `/cloud` call) passes on here without being parsed as a URL
      // twice; the production server refuses a non-canonical target before this point.
      const target = req.url ?? '';
      if (!target.startsWith(JOBS_PATH) && !target.startsWith(ACTIVITY_PATH)) return next();
      jobs(req, res, () => activityReads(req, res, next));
    },
    db: sql,
    ping: async () => {
      await sql.query('SELECT 1');
    },
    async forgetAll() {
      await store.forgetAll();
    },
    async close() {
      clearInterval(daily);
      await runner.stop();
      detachActivity?.();
      await options.activity?.flushed();
      await sql.close();
    },
  };
}

/**
 * `/__app/jobs` and `/__app/activity` before the service is up (the embedded database takes seconds to open): such
 * requests wait for it, and get 503 with the reason if it could not start.
 */
export function awaitJobsService(service: Promise<JobsService>): NodeMiddleware {
  let failure: string | undefined;
  service.catch((error: unknown) => {
    failure = error instanceof Error ? error.message : String(error);
  });
  return (req, res, next) => {
    const url = req.url ?? '';
    if (!url.startsWith('/__app/jobs') && !url.startsWith(ACTIVITY_PATH)) return next();
    service.then(
      (ready) => ready.middleware(req, res, next),
      () => {
        const message = `Jobs are unavailable: ${failure ?? 'the service did not start'}`;
        sendError(res, errorAnswer(503, 'JobsUnavailable', message));
      },
    );
  };
}
