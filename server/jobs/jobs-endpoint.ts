import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { JOBS_PATH, JOBS_SETTINGS_PATH } from '../../src/features/jobs/api/job-contract.ts';
import { errorAnswer, sendError } from '../cloud-answer.ts';
import type { NodeMiddleware } from '../gateway/node-middleware.ts';
import { notFromThePage, type OriginPolicy } from '../gateway/request-origin.ts';
import { JOB_ID, notAllowed, notFound, SIGN_IN, writeCaller } from './job-answers.ts';
import type { ChangedJob } from './job-leases.ts';
import { sendJson } from './job-request.ts';
import { toJob } from './job-row.ts';
import type { JobRunner } from './job-runner.ts';
import type { Clock, JobStore } from './job-store.ts';
import { readStartInput } from './read-start-input.ts';
import type { ReaderCheck } from './reader-check.ts';
import { answerRotation, retireRoutes } from './retire-routes.ts';
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

const ONE_JOB = new RegExp(`^${JOBS_PATH}/([^/]+)(?:/(retry|run-now|cancel))?$`);

/**
 * `/__app/jobs`: start, list, read and resume jobs. Same rules as the gateway: only this
 * server's own hosts and pages, bounded JSON bodies, nothing cached. A personal job's token is
 * held by this worker before the job is written, so no other worker can claim it without one.
 */
export function jobsEndpoint(options: JobsEndpointOptions): NodeMiddleware {
  const { store, runner } = options;
  const clock = options.clock ?? (() => new Date());
  const holder = { workerId: runner.workerId, leaseMs: options.leaseMs };
  const mode = options.sharedToken ? ('shared' as const) : ('personal' as const);
  const retire = retireRoutes({ ...options, clock, holder });

  const holdToken = (id: string, authorization: string | undefined) =>
    authorization && !options.sharedToken ? runner.hold(id, authorization) : () => {};

  const refusedReader = async (req: IncomingMessage, res: ServerResponse) => {
    const refusal = await options.readers(req.headers.authorization);
    if (refusal) sendError(res, refusal);
    return refusal !== undefined;
  };

  const routes = {
    async list(req: IncomingMessage, res: ServerResponse, url: URL) {
      if (await refusedReader(req, res)) return;
      const project = url.searchParams.get('project_id') ?? '';
      if (!/^[1-9]\d{0,15}$/.test(project) || !Number.isSafeInteger(Number(project))) {
        const message = 'project_id must be a positive whole number, as in ?project_id=1.';
        return sendError(res, errorAnswer(400, 'InvalidQuery', message));
      }
      const jobs = await store.list(Number(project));
      sendJson(res, 200, { results: jobs.map(toJob) });
    },

    async create(req: IncomingMessage, res: ServerResponse) {
      const caller = writeCaller(req, res, options);
      if (!caller) return;
      const input = await readStartInput(req, res, clock(), options.retireMinDelayMs);
      if (!input) return;
      const id = randomUUID();
      // A held retirement runs only on "Retire now", which brings the token it needs then.
      const due = input.kind !== 'retire' || input.run_after !== null;
      const undo = due ? holdToken(id, caller.authorization) : () => {};
      try {
        const job = await store.create({
          ...input,
          id,
          started_by: caller.user,
          token_mode: mode,
          ...(options.sharedToken || !due ? {} : { holder }),
        });
        if (job.kind === 'retire') {
          answerRotation(
            res,
            { clock, writeLine: options.writeLine },
            {
              action: 'rotate',
              user: caller.user,
              job,
            },
          );
        } else sendJson(res, 202, toJob(job));
        void runner.wake();
      } catch (error) {
        undo();
        throw error;
      }
    },

    async read(req: IncomingMessage, res: ServerResponse, id: string) {
      if (await refusedReader(req, res)) return;
      const job = JOB_ID.test(id) ? await store.get(id) : undefined;
      if (!job) return notFound(res);
      sendJson(res, 200, toJob(job));
    },

    async retry(req: IncomingMessage, res: ServerResponse, id: string) {
      const authorization = req.headers.authorization;
      if (!options.sharedToken && !authorization) {
        return sendError(res, errorAnswer(401, 'NotSignedIn', SIGN_IN));
      }
      if (!JOB_ID.test(id)) return notFound(res);
      const undo = holdToken(id, authorization);
      const verdict = await store
        .retry(id, mode, options.sharedToken ? undefined : holder)
        .catch((error: unknown) => {
          undo();
          throw error;
        });
      if (!verdict.ok) {
        undo();
        if (verdict.reason === 'not-found') return notFound(res);
        const message = `This job is ${verdict.state ?? 'not stopped'}: only a failed or interrupted job can be resumed.`;
        return sendError(res, errorAnswer(409, 'JobNotResumable', message));
      }
      sendJson(res, 202, toJob(verdict.job));
      void runner.wake();
    },
  };

  return (req, res, next) => {
    const url = new URL(req.url ?? '/', 'http://jobs.invalid');
    const ours =
      url.pathname === JOBS_PATH ||
      url.pathname === JOBS_SETTINGS_PATH ||
      url.pathname.startsWith(`${JOBS_PATH}/`);
    if (!ours) return next();
    const method = req.method ?? 'GET';
    if (!options.policy.isAllowedHost(req.headers.host ?? '')) {
      return sendError(res, errorAnswer(421, 'MisdirectedRequest', 'This host is not served.'));
    }
    // Another site must neither start work with a visitor's token nor read who did what.
    const notPage = notFromThePage(method, req.headers, options.policy);
    if (notPage) return sendError(res, notPage);
    const handled = route(req, res, url, method);
    if (!handled) return;
    handled.catch((error: unknown) => {
      options.writeLine(
        JSON.stringify({ type: 'error', msg: 'jobs request failed', error: String(error) }),
      );
      sendError(res, errorAnswer(500, 'InternalError', 'The jobs service failed; try again.'));
    });
  };

  function route(req: IncomingMessage, res: ServerResponse, url: URL, method: string) {
    if (url.pathname === JOBS_SETTINGS_PATH) {
      if (method !== 'GET') return notAllowed(res, 'GET');
      sendJson(res, 200, { retire_min_delay_ms: options.retireMinDelayMs });
      return undefined;
    }
    if (url.pathname === JOBS_PATH) {
      if (method === 'GET') return routes.list(req, res, url);
      if (method === 'POST') return routes.create(req, res);
      return notAllowed(res, 'GET, POST');
    }
    const match = ONE_JOB.exec(url.pathname);
    if (!match?.[1]) return notFound(res);
    // Left encoded: an id is a UUID, and anything else is simply not found.
    const id = match[1];
    const action = match[2];
    if (action) {
      if (method !== 'POST') return notAllowed(res, 'POST');
      if (action === 'retry') return routes.retry(req, res, id);
      return action === 'run-now' ? retire.runNow(req, res, id) : retire.cancel(req, res, id);
    }
    return method === 'GET' ? routes.read(req, res, id) : notAllowed(res, 'GET');
  }
}
