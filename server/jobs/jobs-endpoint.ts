import type { IncomingMessage, ServerResponse } from 'node:http';
import { JOBS_PATH, JOBS_SETTINGS_PATH } from '../../src/features/jobs/api/job-contract.ts';
import { errorAnswer, sendError } from '../cloud-answer.ts';
import type { NodeMiddleware } from '../gateway/node-middleware.ts';
import { notFromThePage } from '../gateway/request-origin.ts';
import { notAllowed, notFound } from './job-answers.ts';
import { sendJson } from './job-request.ts';
import { jobRoutes } from './job-routes.ts';
import type { JobsEndpointOptions } from './jobs-endpoint-options.ts';
import { retireRoutes } from './retire-routes.ts';

const ONE_JOB = new RegExp(`^${JOBS_PATH}/([^/]+)(?:/(retry|run-now|cancel))?$`);

/**
 * `/__app/jobs`: start, list, read and resume jobs. Same rules as the gateway: only this
 * server's own hosts and pages, bounded JSON bodies, nothing cached. A personal job's token is
 * held by this worker before the job is written, so no other worker can claim it without one.
 */
export function jobsEndpoint(options: JobsEndpointOptions): NodeMiddleware {
  const { runner } = options;
  const clock = options.clock ?? (() => new Date());
  const holder = { workerId: runner.workerId, leaseMs: options.leaseMs };
  const retire = retireRoutes({ ...options, clock, holder });

  const routes = jobRoutes({ ...options, clock, holder });

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
