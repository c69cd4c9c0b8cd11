import { IncomingMessage } from 'node:http';
import type { MiddlewareHandler } from 'hono';
import { checkTarget } from '../../shared/http/canonical-target';
import type { SandboxEnv } from './context';
import { SandboxError } from './errors';

/** A non-canonical target is a 400 before anything else, so token check and routes see one path. */
export const canonicalTarget: MiddlewareHandler<SandboxEnv> = async (c, next) => {
  const verdict = checkTarget(rawTarget(c.env, c.req.url));
  if (!verdict.ok) {
    const problem = `the request target has ${verdict.problem}`;
    throw new SandboxError(400, `Validation Error: ${problem}.`);
  }
  await next();
};

/**
 * Over HTTP, the target exactly as the client sent it (the web Request's URL is already
 * normalised). In-process, the URL's own path and query: what a fetch client can send.
 */
function rawTarget(env: unknown, href: string): string {
  const incoming = typeof env === 'object' && env !== null && 'incoming' in env && env.incoming;
  if (incoming instanceof IncomingMessage) return incoming.url ?? '';
  const url = new URL(href);
  return url.pathname + url.search;
}
