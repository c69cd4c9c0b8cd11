import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NodeMiddleware } from '../gateway/node-middleware.ts';
import { hasBearer, sendScrape, type Scrape } from '../metrics/metrics-scrape.ts';
import type { ReadinessReport } from './readiness.ts';

export type OperationsEndpointsOptions = {
  readiness: () => Promise<ReadinessReport>;
  scrape: Scrape;
  /** METRICS_TOKEN: `/metrics` on this origin behind it; unset, `/metrics` is 404 here. */
  metricsToken: string | undefined;
};

/** The paths answered before the host allow-list: a load balancer probes by address. */
export const OPERATIONS_PATHS = ['/healthz', '/readyz', '/metrics'];

/**
 * `/healthz` (this process answers), `/readyz` (the jobs database and the API answer: 503 with
 * the reasons otherwise) and `/metrics` for a scraper holding the token. Everything else passes.
 */
export function operationsEndpoints(options: OperationsEndpointsOptions): NodeMiddleware {
  return (req, res, next) => {
    const path = (req.url ?? '').split('?')[0];
    if (!OPERATIONS_PATHS.includes(path ?? '')) return next();
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'cache-control': 'no-store' }).end();
      return;
    }
    if (path === '/healthz') return sendJson(res, 200, { ok: true });
    if (path === '/readyz') {
      void options.readiness().then(
        (report) => sendJson(res, report.ok ? 200 : 503, readinessBody(report)),
        (error: unknown) => sendJson(res, 503, { ok: false, reason: String(error) }),
      );
      return;
    }
    serveMetrics(req, res, options);
  };
}

function serveMetrics(
  req: IncomingMessage,
  res: ServerResponse,
  { scrape, metricsToken }: OperationsEndpointsOptions,
): void {
  // No token: the metrics name projects and keys, so the public origin does not serve them.
  if (metricsToken === undefined) return sendJson(res, 404, { message: 'Not found' });
  if (!hasBearer(req, metricsToken)) {
    res.setHeader('www-authenticate', 'Bearer realm="metrics"');
    return sendJson(res, 401, { message: 'Metrics need Authorization: Bearer <METRICS_TOKEN>.' });
  }
  void sendScrape(res, scrape).catch((error: unknown) =>
    sendJson(res, 500, { message: `Metrics failed: ${String(error)}` }),
  );
}

function readinessBody(report: ReadinessReport) {
  const failed = Object.values(report.checks).flatMap((check) => (check.ok ? [] : [check.reason]));
  return {
    ok: report.ok,
    ...(failed.length > 0 ? { reason: failed.join('; ') } : {}),
    checks: report.checks,
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
