import type { IncomingMessage, ServerResponse } from 'node:http';
import { getQueryParam } from 'hono/utils/url';
import { listKeysJson } from './api-key-reads';
import { KEYS_PATH } from './api-key-routes';
import { createKey } from './api-key-writes';
import { checkAuthorization } from './auth';
import type { FaultController } from './fault-controller';
import { parseBodyText } from './gateway';
import type { RequestLog } from './request-log';
import { newRequestId } from './request-id';
import { asSandboxError, errorBody } from './sandbox-error';
import type { RouteDeps } from './sandbox-types';

export interface FastPathDeps extends RouteDeps {
  token: string;
  faults: FaultController;
  log: RequestLog;
}

/** Passes a request to the full app; `bodyText` is its body when the fast path already read it. */
export type Fallback = (
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  bodyText?: string,
) => void;

/**
 * Serves a request straight off Node's request and response, or hands it to `fallback`.
 * Behaviour is the app's: same handlers, log entry, status, headers and body.
 */
export type FastPath = (
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  fallback: Fallback,
) => void;

/** Query characters that `new URL` keeps as they are, so the raw query is the app's query. */
const PLAIN_QUERY = /^[\w\-.~!$&()*+,;=:@/?%]*$/;

/**
 * The two calls the app makes most (list and create keys) without Hono: building a web Request
 * and Response around Node's objects and running the middleware chain cost more than the calls
 * themselves. Anything unusual (a fault armed, a token that is not valid, a path or query that
 * URL parsing would rewrite) goes to the full app, which answers it as always.
 */
export function createFastPath(deps: FastPathDeps): FastPath {
  const admitted = (incoming: IncomingMessage) =>
    deps.faults.size === 0 &&
    checkAuthorization(incoming.headers.authorization, deps.token).verdict === 'valid';

  return (incoming, outgoing, fallback) => {
    const url = incoming.url ?? '';
    const query = plainQuery(url);
    if (query === undefined) return fallback(incoming, outgoing);
    if (incoming.method === 'GET') {
      if (!admitted(incoming)) return fallback(incoming, outgoing);
      const requestId = begin(deps, 'GET', query, null);
      return answer(outgoing, requestId, () => {
        const read = (name: string) => {
          const value = getQueryParam(url, name);
          return typeof value === 'string' ? value : undefined;
        };
        return listKeysJson(deps, read);
      });
    }
    if (incoming.method !== 'POST') return fallback(incoming, outgoing);
    // The full app reads the body before it logs or matches faults: so does this.
    readBody(incoming, (bodyText) => {
      if (!admitted(incoming)) return fallback(incoming, outgoing, bodyText);
      const body = parseBodyText(bodyText);
      const requestId = begin(deps, 'POST', query, body.kind === 'json' ? body.value : null);
      answer(outgoing, requestId, () => JSON.stringify(createKey(deps, body)));
    });
  };
}

/** The raw query of a KEYS_PATH call ('' for none), or undefined for any other URL. */
function plainQuery(url: string): string | undefined {
  if (!url.startsWith(KEYS_PATH)) return undefined;
  if (url.length === KEYS_PATH.length) return '';
  if (url.charCodeAt(KEYS_PATH.length) !== 63 /* ? */) return undefined;
  const query = url.slice(KEYS_PATH.length + 1);
  return PLAIN_QUERY.test(query) ? query : undefined;
}

/** What the gateway does for an admitted request: a request id and a log entry. */
function begin(deps: FastPathDeps, method: string, query: string, body: unknown): string {
  const requestId = newRequestId();
  deps.log.record({
    method,
    path: KEYS_PATH,
    query,
    body,
    authorization: 'valid',
    faultId: null,
    at: deps.now().toISOString(),
  });
  return requestId;
}

/** The handler's JSON, or the app's error body for what it threw, headers as the app sends them. */
function answer(outgoing: ServerResponse, requestId: string, handler: () => string): void {
  let status = 200;
  let text: string;
  try {
    text = handler();
  } catch (err) {
    const error = asSandboxError(err);
    status = error.status;
    text = JSON.stringify(errorBody(error, requestId));
  }
  const length = String(Buffer.byteLength(text));
  // The app's casing: c.json names them like this, its error responses in lower case.
  outgoing.writeHead(
    status,
    status === 200
      ? ['X-Request-ID', requestId, 'Content-Type', 'application/json', 'Content-Length', length]
      : ['X-Request-ID', requestId, 'content-type', 'application/json', 'content-length', length],
  );
  outgoing.end(text);
}

/** The whole body as UTF-8, decoded once at the end as the app does. */
function readBody(incoming: IncomingMessage, done: (text: string) => void): void {
  const chunks: Buffer[] = [];
  incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
  incoming.once('end', () => {
    const buffer = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
    done(buffer.toString('utf8'));
  });
  // A client that goes away mid-body gets no answer, as from the app.
  incoming.once('error', () => undefined);
}
