import type * as z from 'zod/mini';
import { apiErrorBodySchema } from '../../src/lib/api-error-schema.ts';
import { parseRetryAfter, tryParseJson } from '../../src/lib/read-api-error.ts';
import { REQUESTED_BY } from '../../src/lib/request-header.ts';
import type { JobIdentity } from '../gateway/job-identity.ts';
import { GatewayCallError } from './gateway-call-error.ts';
import { statusMessage } from './gateway-answer-words.ts';

/** Whose call it is: a job's project, who started it, its token if personal, its life. */
export type JobCallScope = {
  projectId: number;
  startedBy: string;
  /** The caller's `Authorization` for a personal job; the gateway adds the shared token itself. */
  authorization: string | undefined;
  signal: AbortSignal;
};

export type GatewayCallOptions = {
  /** The server's own port, known only once it listens. */
  port: () => number;
  identity: JobIdentity;
  /** Per call; past the gateway's own upstream deadlines (30 s, 60 s) so it answers first. */
  callTimeoutMs?: number;
  fetch?: typeof fetch;
};

export const DEFAULT_CALL_TIMEOUT_MS = 90_000;

export type GatewayCall = <T>(
  scope: JobCallScope,
  request: { method: string; path: string; body?: unknown },
  schema: z.ZodMiniType<T>,
) => Promise<T>;

/**
 * One call to this server's own `/cloud` over loopback, in the job starter's name: its answer
 * parsed with `schema`, or a GatewayCallError saying what went wrong.
 */
export function createGatewayCall(options: GatewayCallOptions): GatewayCall {
  const timeoutMs = options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
  const send = options.fetch ?? fetch;

  return async function call<T>(
    scope: JobCallScope,
    request: { method: string; path: string; body?: unknown },
    schema: z.ZodMiniType<T>,
  ): Promise<T> {
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = AbortSignal.any([scope.signal, deadline]);
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...REQUESTED_BY,
      ...options.identity.headersFor(scope.startedBy),
      ...(scope.authorization ? { authorization: scope.authorization } : {}),
      ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
    };
    let status = 0;
    let text = '';
    let response: Response;
    try {
      response = await send(`http://127.0.0.1:${options.port()}${request.path}`, {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        redirect: 'manual',
        signal,
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      if (scope.signal.aborted) throw scope.signal.reason;
      if (deadline.aborted) {
        const message = `No answer within ${Math.round(timeoutMs / 1000)} s: the request may or may not have been carried out.`;
        throw new GatewayCallError({ kind: 'timeout', message });
      }
      const reason = error instanceof Error ? error.message : String(error);
      const message = `The connection to the dashboard's server failed (${reason}).`;
      throw new GatewayCallError({ kind: 'network', message });
    }
    const json = text === '' ? undefined : tryParseJson(text);
    if (status < 200 || status >= 300) {
      const body = apiErrorBodySchema.safeParse(json);
      const fields = body.success ? body.data : {};
      throw new GatewayCallError({
        kind: 'http',
        status,
        message: fields.message ?? fields.detail ?? statusMessage(status),
        exceptionClass: fields.exception_class ?? null,
        requestId: fields.request_id ?? response.headers.get('x-request-id'),
        retryAfterSeconds: parseRetryAfter(response.headers.get('retry-after'), Date.now()),
      });
    }
    const parsed = schema.safeParse(json);
    if (parsed.success) return parsed.data;
    const message = `The API answered ${request.method} ${request.path} in a shape the dashboard does not know.`;
    throw new GatewayCallError({ kind: 'invalid-answer', status, message });
  };
}
