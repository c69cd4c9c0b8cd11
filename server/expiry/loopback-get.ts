import type * as z from 'zod/mini';
import { REQUESTED_BY } from '../../src/lib/request-header.ts';
import type { JobIdentity } from '../gateway/job-identity.ts';
import { statusMessage } from '../jobs/gateway-answer-words.ts';

/** The name the gateway's audit lines give the expiry checks' calls. */
export const EXPIRY_CHECK_USER = 'expiry check';

export type LoopbackGetOptions = {
  /** The server's own port, known only once it listens. */
  port: () => number;
  identity: JobIdentity;
  /** Who the gateway names for these calls; the expiry check unless said. */
  user?: string;
  /** Per call; past the gateway's own upstream deadlines so it answers first. */
  timeoutMs?: number;
  signal?: AbortSignal;
};

/** The gateway's raw answer, for a caller that judges the status itself. */
export type LoopbackFetch = (path: string) => Promise<Response>;
export type LoopbackGet = <T>(path: string, schema: z.ZodMiniType<T>) => Promise<T>;

/**
 * A GET through this server's own `/cloud` gateway, as the jobs call it
 * (server/jobs/gateway-client.ts): the route table, the shared token and the audit apply, and
 * the gateway knows the call as this server's own. The server has no second path to the API.
 */
export function loopbackFetch(options: LoopbackGetOptions): LoopbackFetch {
  const timeoutMs = options.timeoutMs ?? 90_000;
  return (path) => {
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
    return fetch(`http://127.0.0.1:${options.port()}${path}`, {
      headers: {
        accept: 'application/json',
        ...REQUESTED_BY,
        ...options.identity.headersFor(options.user ?? EXPIRY_CHECK_USER),
      },
      redirect: 'manual',
      signal,
    });
  };
}

/** {@link loopbackFetch}, parsed with `schema`; throws an Error saying what went wrong. */
export function loopbackGet(options: LoopbackGetOptions): LoopbackGet {
  const send = loopbackFetch(options);
  return async (path, schema) => {
    const response = await send(path);
    const text = await response.text();
    if (!response.ok) {
      throw new Error(`GET ${path} answered ${response.status}: ${statusMessage(response.status)}`);
    }
    const parsed = schema.safeParse(parseJson(text));
    if (!parsed.success)
      throw new Error(`GET ${path} answered in a shape the server does not know`);
    return parsed.data;
  };
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
