import { IncomingMessage } from 'node:http';
import type { MiddlewareHandler } from 'hono';
import type { SandboxEnv } from './context';
import { SandboxError } from './errors';

/**
 * Whether a request target's path is already what the router sees: no percent-encoding, dot
 * segment, empty segment or anything URL parsing would rewrite. The token check and the routes
 * match one path, so `/%63loud/…`, `/./cloud/…` or `/x/../cloud/…` can never slip past one of
 * them while reaching the other.
 */
export function isCanonicalTarget(target: string): boolean {
  if (!target.startsWith('/')) return false;
  const query = target.indexOf('?');
  const path = query === -1 ? target : target.slice(0, query);
  if (path.includes('%') || path.includes('//')) return false;
  return new URL(path, 'http://sandbox.invalid').pathname === path;
}

/** First in line: a target that is not canonical is a 400, never logged, faulted or routed. */
export const canonicalTarget: MiddlewareHandler<SandboxEnv> = async (c, next) => {
  if (!isCanonicalTarget(rawTarget(c.env, c.req.url))) {
    throw new SandboxError(
      400,
      'ValidationError',
      'Validation Error: the request path must be sent in canonical form.',
    );
  }
  await next();
};

/**
 * Over HTTP, the target exactly as the client sent it (the web Request's URL is already
 * normalised). In-process, the URL's own path and query: what a fetch client can send.
 */
function rawTarget(env: unknown, href: string): string {
  if (typeof env === 'object' && env !== null && 'incoming' in env) {
    const { incoming } = env;
    if (incoming instanceof IncomingMessage) return incoming.url ?? '';
  }
  const url = new URL(href);
  return url.pathname + url.search;
}
