import type * as z from 'zod/mini';
import { requestTimeoutMs } from './api-config';
import { ApiError } from './api-error';
import { readApiError, tryParseJson } from './read-api-error';
import { REQUESTED_BY } from './request-header';
import { tokenStore } from './token-store';

type Query = Record<string, string | number | boolean | null | undefined>;

export type RequestOptions = {
  signal?: AbortSignal;
  timeoutMs?: number;
  /** A token to try instead of the signed-in one (checking a token at sign-in). */
  token?: string;
  /** The browser delivers it even if the tab closes meanwhile (small bodies only, 64 kB). */
  keepalive?: boolean;
};

type ApiRequest<S extends z.ZodMiniType | null> = RequestOptions & {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  query?: Query;
  body?: unknown;
  /** null for calls that answer 204 with no body. */
  schema: S;
};

type Result<S> = S extends z.ZodMiniType ? z.infer<S> : undefined;

/**
 * Calls the API on this page's own origin (the proxy adds credentials on the server side).
 * Every answer is parsed against the contract; every failure becomes an ApiError.
 */
export async function apiRequest<S extends z.ZodMiniType | null>(
  request: ApiRequest<S>,
): Promise<Result<S>> {
  const timeout = new AbortController();
  const timeoutMs = request.timeoutMs ?? requestTimeoutMs();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  const signal = request.signal
    ? AbortSignal.any([request.signal, timeout.signal])
    : timeout.signal;
  try {
    const token = request.token ?? tokenStore.getToken() ?? undefined;
    const response = await send({ ...request, token }, timeoutMs, signal, timeout.signal);
    if (response.status === 401 && request.token === undefined && token !== undefined) {
      // The signed-in token no longer works: back to Sign in, keeping the page as it is.
      tokenStore.end('rejected');
    }
    if (!response.ok) throw await readApiError(response);
    return await parseBody(response, request.schema);
  } finally {
    clearTimeout(timer);
  }
}

async function send(
  request: ApiRequest<z.ZodMiniType | null>,
  timeoutMs: number,
  signal: AbortSignal,
  timeoutSignal: AbortSignal,
): Promise<Response> {
  const hasBody = request.body !== undefined;
  // Every call to this server says it comes from the dashboard's page (request-header.ts).
  const headers: Record<string, string> = { accept: 'application/json', ...REQUESTED_BY };
  if (hasBody) headers['content-type'] = 'application/json';
  // Only ever sent to this page's own origin (buildUrl keeps every call there).
  if (request.token) headers.authorization = `APIKey ${request.token}`;
  try {
    return await fetch(buildUrl(request.path, request.query), {
      method: request.method,
      headers,
      body: hasBody ? JSON.stringify(request.body) : undefined,
      signal,
      credentials: 'same-origin',
      cache: 'no-store',
      keepalive: request.keepalive,
    });
  } catch (cause) {
    if (request.signal?.aborted) {
      throw new ApiError({ kind: 'cancelled', message: 'The request was cancelled.' });
    }
    if (timeoutSignal.aborted) {
      throw new ApiError({
        kind: 'timeout',
        message: `The API did not answer within ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`}.`,
      });
    }
    throw new ApiError({
      kind: 'network',
      message: `The connection to the API failed (${cause instanceof Error ? cause.message : 'network error'}).`,
    });
  }
}

async function parseBody<S extends z.ZodMiniType | null>(
  response: Response,
  schema: S,
): Promise<Result<S>> {
  const requestId = response.headers.get('x-request-id');
  if (schema === null) return undefined as Result<S>;
  const text = await response.text();
  const json = tryParseJson(text);
  const parsed = json === undefined ? null : schema.safeParse(json);
  if (!parsed?.success) {
    throw new ApiError({
      kind: 'invalid-response',
      status: response.status,
      requestId,
      message:
        json === undefined
          ? `The API answered HTTP ${response.status} with a body that is not JSON.`
          : `The API answered HTTP ${response.status} in an unexpected format (${describeIssues(parsed?.error)}).`,
    });
  }
  return parsed.data as Result<S>;
}

function describeIssues(error: z.core.$ZodError | undefined): string {
  const issue = error?.issues[0];
  if (!issue) return 'unknown shape';
  const path = issue.path.length > 0 ? issue.path.join('.') : 'body';
  return `${path}: ${issue.message}`;
}

function buildUrl(path: string, query: Query | undefined): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null) params.set(name, String(value));
  }
  // The token may ride on this request: it must never leave this page's own origin.
  if (!path.startsWith('/') || path.startsWith('//'))
    throw new Error(`Not a same-origin path: ${path}`);
  const url = new URL(path, globalThis.location.origin);
  url.search = params.toString();
  return url.href;
}
