import type { MiddlewareHandler } from 'hono';
import { type FaultController, matchesRequest, playFault } from '../faults/controller';
import type { RequestLog } from '../faults/request-log';
import { checkAuthorization } from './auth';
import { readBody } from './body';
import type { SandboxEnv } from './context';
import { SandboxError } from './errors';

export interface GatewayDeps {
  token: string;
  now: () => Date;
  faults: FaultController;
  log: RequestLog;
}

/**
 * Before any API handler, in Gcore's order as a client sees it: log, fault, then the token.
 * Deny by default: whatever its path, every request that reaches it needs the token.
 */
export function gateway(deps: GatewayDeps): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    const { method, path } = c.req;
    const body = await readBody(c.req.raw);
    c.set('body', body);
    const auth = checkAuthorization(c.req.header('authorization'), deps.token);
    const fault = deps.faults.claim(matchesRequest(method, path));

    if (path.startsWith('/cloud/')) {
      deps.log.record({
        method,
        path,
        query: new URL(c.req.url).search.slice(1),
        body: body.kind === 'json' ? body.value : null,
        authorization: auth.verdict,
        faultId: fault?.id ?? null,
        at: deps.now().toISOString(),
      });
    }
    if (fault) {
      const outcome = await playFault(fault, c.req.raw.signal, c.var.requestId);
      if (outcome !== 'pass') return outcome;
    }
    if (auth.verdict !== 'valid') throw new SandboxError(401, auth.message);
    await next();
  };
}
