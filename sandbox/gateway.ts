import type { Context, MiddlewareHandler } from 'hono';
import { applyFault } from './apply-fault';
import { checkAuthorization } from './auth';
import { nodeBindings, type NodeBindings } from './node-bindings';
import type { FaultController } from './fault-controller';
import type { RequestLog, RequestLogEntry } from './request-log';
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
    const node = nodeBindings(c.env);
    const { pathname, query } = splitUrl(c.req.url);
    const isCloud = pathname.startsWith('/cloud/');
    const body = await readBody(c, node);
    c.set('body', body);
    const authorization = node
      ? node.incoming.headers.authorization
      : c.req.header('authorization');
    const auth = checkAuthorization(authorization, deps.token);
    const fault = deps.faults.take(c.req.method, pathname);

    if (isCloud) {
      logCall(deps, {
        method: c.req.method,
        path: pathname,
        query,
        body,
        authorization: auth.verdict,
        faultId: fault?.id ?? null,
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

/**
 * Records a /cloud call as the gateway sees it, for the gateway and the Node fast path alike: the
 * body only when it is JSON, the time by the sandbox's clock.
 */
export function logCall(
  deps: Pick<GatewayDeps, 'log' | 'now'>,
  call: Omit<RequestLogEntry, 'body' | 'at'> & { body: ParsedBody },
): void {
  deps.log.record({
    method: call.method,
    path: call.path,
    query: call.query,
    body: call.body.kind === 'json' ? call.body.value : null,
    authorization: call.authorization,
    faultId: call.faultId,
    at: deps.now().toISOString(),
  });
}

export const EMPTY_BODY: ParsedBody = { kind: 'empty' };

/**
 * GET and HEAD carry no body (fetch cannot send one). Otherwise the text the Node server already
 * read off the socket, or, in-process, the request's own.
 */
async function readBody(c: Context<SandboxEnv>, node: NodeBindings | undefined) {
  if (c.req.method === 'GET' || c.req.method === 'HEAD') return EMPTY_BODY;
  return parseBodyText(node?.bodyText ?? (await c.req.text()));
}

/** The URL is an href the Request already normalised: slicing it is what `new URL` would give. */
function splitUrl(href: string): { pathname: string; query: string } {
  const start = href.indexOf('/', href.indexOf('//') + 2);
  const q = href.indexOf('?', start);
  return q === -1
    ? { pathname: href.slice(start), query: '' }
    : { pathname: href.slice(start, q), query: href.slice(q + 1) };
}

/** The body as the log and the handlers see it; blank is no body at all. */
export function parseBodyText(text: string): ParsedBody {
  if (text.trim() === '') return EMPTY_BODY;
  try {
    return { kind: 'json', value: JSON.parse(text) as unknown };
  } catch {
    return { kind: 'invalid', text };
  }
}
