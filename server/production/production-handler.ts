import { getRequestListener } from '@hono/node-server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { apiGenerationEndpoint } from '../api-generation-endpoint.ts';
import { sendError } from '../cloud-answer.ts';
import { cloudGateway, type GatewayOptions } from '../gateway/cloud-gateway.ts';
import type { NodeMiddleware } from '../gateway/node-middleware.ts';
import { canonicalTargetGuard } from '../gateway/target-guard.ts';
import { securityHeaders } from '../security-headers.ts';
import { createProductionApp } from './production-app.ts';
import { logRequests } from './request-logger.ts';
import type { StaticAsset } from './static-assets.ts';

export type ProductionHandlerOptions = GatewayOptions & {
  assets: Map<string, StaticAsset>;
  /** True once SIGTERM arrived: every answer says `Connection: close`. */
  draining?: () => boolean;
  /** `/__app/jobs` (jobs-service.ts); without it those paths fall through to the files. */
  jobs?: NodeMiddleware;
  /** `/healthz`, `/readyz`, `/metrics` (health/operations-endpoints.ts), before the host check. */
  operations?: NodeMiddleware;
};

/**
 * Every request of the production server, in order: logged with its own request id, security
 * headers, the canonical-target rule (every path), health and metrics, the host allow-list, then
 * the jobs, the `/cloud` gateway or the built files.
 */
export function createProductionHandler(options: ProductionHandlerOptions) {
  const files = getRequestListener(createProductionApp(options.assets).fetch);
  const guard = canonicalTargetGuard();
  const gateway = cloudGateway(options);
  const generation = options.generation
    ? apiGenerationEndpoint(options.generation, options.policy)
    : undefined;
  const headers = securityHeaders({ mode: 'production' });
  const log = logRequests(options.writeLine);
  // A load balancer probes (and a scraper with the token reads) by address, not by name.
  const operations: NodeMiddleware = options.operations ?? ((_req, _res, next) => next());
  return (req: IncomingMessage, res: ServerResponse) => {
    log(req, res);
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    if (options.draining?.()) res.setHeader('connection', 'close');
    guard(req, res, () =>
      operations(req, res, () => {
        if (!options.policy.isAllowedHost(req.headers.host ?? '')) {
          const message = 'This host is not served; set PUBLIC_ORIGIN to serve it.';
          return sendError(res, { status: 421, exceptionClass: 'MisdirectedRequest', message });
        }
        const cloud = () => gateway(req, res, () => void files(req, res));
        const rest = options.jobs ? () => options.jobs?.(req, res, cloud) : cloud;
        if (generation) generation(req, res, rest);
        else rest();
      }),
    );
  };
}
