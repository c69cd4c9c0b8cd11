import { randomBytes } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { SandboxEnv } from './context';

/** 32 hex characters, like Gcore's request ids. */
export function newRequestId(): string {
  return randomBytes(16).toString('hex');
}

export const requestIdMiddleware: MiddlewareHandler<SandboxEnv> = async (c, next) => {
  const requestId = newRequestId();
  c.set('requestId', requestId);
  await next();
  // A dropped connection (Response.error(), the only status 0) has immutable headers and never
  // reaches the client. A fault may bring its own X-Request-ID; keep it.
  if (c.res.status !== 0 && !c.res.headers.has('x-request-id')) {
    c.res.headers.set('X-Request-ID', requestId);
  }
};
