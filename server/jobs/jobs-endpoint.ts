import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { JOBS_PATH, startJobInputSchema } from '../../src/features/jobs/api/job-contract.ts';
import { errorAnswer, sendError } from '../cloud-answer.ts';
import type { NodeMiddleware } from '../gateway/node-middleware.ts';
import { untrustedWriteRefusal } from '../gateway/audit-identity.ts';
import { notFromThePage, type OriginPolicy } from '../gateway/request-origin.ts';
import { describeIssue } from './describe-issue.ts';
import { readJsonBody, sendJson } from './job-request.ts';
import { toJob } from './job-row.ts';
import type { JobRunner } from './job-runner.ts';
import type { JobStore } from './job-store.ts';
import type { ReaderCheck } from './reader-check.ts';

export type JobsEndpointOptions = {
  store: Pick<JobStore, 'create' | 'get' | 'list' | 'retry'>;
  runner: Pick<JobRunner, 'workerId' | 'hold' | 'wake'>;
  policy: OriginPolicy;
  /** Who may list and read jobs (under personal sign-in, only those the API accepts). */
  readers: ReaderCheck;
  /** The audit identity a job is started under; undefined when no trusted one came with it. */
  identify: (req: IncomingMessage) => string | undefined;
  /** The server's own token does the work; otherwise each caller's Authorization. */
  sharedToken: boolean;
  leaseMs: number;
  writeLine: (line: string) => void;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ONE_JOB = new RegExp(`^${JOBS_PATH}/([^/]+)(/retry)?$`);
const UNTRUSTED = errorAnswer(
  401,
  'AuditIdentityRequired',
  'No trusted identity came with this job.',
);
const SIGN_IN =
  'Sign in first: a job works with your own token, which the server holds in memory only.';

/**
 * `/__app/jobs`: start, list, read and resume jobs. Same rules as the gateway: only this
 * server's own hosts and pages, bounded JSON bodies, nothing cached. A personal job's token is
 * held by this worker before the job is written, so no other worker can claim it without one.
 */
export function jobsEndpoint(options: JobsEndpointOptions): NodeMiddleware {
  const { store, runner } = options;
  const holder = { workerId: runner.workerId, leaseMs: options.leaseMs };
  const mode = options.sharedToken ? ('shared' as const) : ('personal' as const);

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
      const authorization = req.headers.authorization;
      if (!options.sharedToken && !authorization) {
        return sendError(res, errorAnswer(401, 'NotSignedIn', SIGN_IN));
      }
      const body = await readJsonBody(req, res);
      if (!body) return;
      const parsed = startJobInputSchema.safeParse(body.value);
      if (!parsed.success) {
        const [issue] = parsed.error.issues;
        const message = issue ? describeIssue(issue) : 'The job is invalid.';
        return sendError(res, errorAnswer(400, 'InvalidRequestBody', message));
      }
      const startedBy = options.identify(req);
      // As for a write through /cloud: no work is done in the name of nobody the proxy vouched for.
      if (startedBy === undefined) {
        return sendError(res, untrustedWriteRefusal({ trusted: false }, 'POST') ?? UNTRUSTED);
      }
      const id = randomUUID();
      const undo = holdToken(id, authorization);
      try {
        const job = await store.create({
          ...parsed.data,
          id,
          started_by: startedBy,
          token_mode: mode,
          ...(options.sharedToken ? {} : { holder }),
        });
        sendJson(res, 202, toJob(job));
        void runner.wake();
      } catch (error) {
        undo();
        throw error;
      }
    },

    async read(req: IncomingMessage, res: ServerResponse, id: string) {
      if (await refusedReader(req, res)) return;
      const job = UUID.test(id) ? await store.get(id) : undefined;
      if (!job) return notFound(res);
      sendJson(res, 200, toJob(job));
    },

    async retry(req: IncomingMessage, res: ServerResponse, id: string) {
      const authorization = req.headers.authorization;
      if (!options.sharedToken && !authorization) {
        return sendError(res, errorAnswer(401, 'NotSignedIn', SIGN_IN));
      }
      if (!UUID.test(id)) return notFound(res);
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
    if (url.pathname !== JOBS_PATH && !url.pathname.startsWith(`${JOBS_PATH}/`)) return next();
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
    if (url.pathname === JOBS_PATH) {
      if (method === 'GET') return routes.list(req, res, url);
      if (method === 'POST') return routes.create(req, res);
      return notAllowed(res, 'GET, POST');
    }
    const match = ONE_JOB.exec(url.pathname);
    if (!match?.[1]) return notFound(res);
    // Left encoded: an id is a UUID, and anything else is simply not found.
    const id = match[1];
    if (match[2]) return method === 'POST' ? routes.retry(req, res, id) : notAllowed(res, 'POST');
    return method === 'GET' ? routes.read(req, res, id) : notAllowed(res, 'GET');
  }
}

function notFound(res: ServerResponse): undefined {
  sendError(res, errorAnswer(404, 'JobNotFound', 'There is no such job.'));
  return undefined;
}

function notAllowed(res: ServerResponse, allow: string): undefined {
  const answer = errorAnswer(405, 'MethodNotAllowed', `Only ${allow} is answered here.`);
  sendError(res, { ...answer, headers: { allow } });
  return undefined;
}
