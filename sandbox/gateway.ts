import type { MiddlewareHandler } from 'hono';
import { applyFault } from './apply-fault';
import { checkAuthorization } from './auth';
import type { FaultController } from './fault-controller';
import type { RequestLog } from './request-log';
import { SandboxError } from './sandbox-error';
import type { ParsedBody, SandboxEnv } from './sandbox-types';

export interface GatewayDeps {
  token: string;
  now: () => Date;
  faults: FaultController;
  log: RequestLog;
}

/**
 * What happens before any API handler, in Gcore's order as seen from a client: the request is
 * logged, a fault (standing in for the network) may answer it, then authentication applies.
 */
export function gateway(deps: GatewayDeps): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    const url = new URL(c.req.url);
    const isCloud = url.pathname.startsWith('/cloud/');
    const body = parseBody(await c.req.text());
    c.set('body', body);
    const auth = checkAuthorization(c.req.header('authorization'), deps.token);
    const fault = deps.faults.take(c.req.method, url.pathname);

    if (isCloud) {
      deps.log.record({
        method: c.req.method,
        path: url.pathname,
        query: url.search.replace(/^\?/, ''),
        body: body.kind === 'json' ? body.value : null,
        authorization: auth.verdict,
        faultId: fault?.id ?? null,
        at: deps.now().toISOString(),
      });
    }
    if (fault) {
      const outcome = await applyFault(fault, c.req.raw.signal, c.var.requestId);
      if (outcome !== 'pass') return outcome;
    }
    if (isCloud && auth.verdict !== 'valid') {
      throw new SandboxError(401, 'NotAuthenticated', auth.message);
    }
    await next();
  };
}

function parseBody(text: string): ParsedBody {
  if (text.trim() === '') return { kind: 'empty' };
  try {
    return { kind: 'json', value: JSON.parse(text) as unknown };
  } catch {
    return { kind: 'invalid', text };
  }
}
