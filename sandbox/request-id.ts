import type { MiddlewareHandler } from 'hono';
import { nodeBindings } from './node-bindings';
import { randomText } from './random-pool';
import type { SandboxEnv } from './sandbox-types';

/** 32 hex characters, like Gcore's request ids. */
export function newRequestId(): string {
  return randomText(16, 'hex');
}

export const requestIdMiddleware: MiddlewareHandler<SandboxEnv> = async (c, next) => {
  const requestId = newRequestId();
  c.set('requestId', requestId);
  const node = nodeBindings(c.env);
  // Under Node, on Node's response: headers the response brings (a fault's own X-Request-ID)
  // take precedence when it is written, and the web Response's headers stay untouched.
  node?.outgoing.setHeader('X-Request-ID', requestId);
  await next();
  // In-process. A dropped connection (Response.error(), the only status 0) has immutable
  // headers and never reaches the client. A fault may bring its own X-Request-ID; keep it.
  if (!node && c.res.status !== 0 && !c.res.headers.has('x-request-id')) {
    c.res.headers.set('X-Request-ID', requestId);
  }
};
