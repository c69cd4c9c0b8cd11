import type { IncomingMessage, ServerResponse } from 'node:http';
import { getQueryParam } from 'hono/utils/url';
import { API_KEYS_PATH } from '../src/features/api-keys/api/api-key-schemas';
import { listKeysJson } from './api-key-reads';
import { createKey } from './api-key-writes';
import { checkAuthorization } from './auth';
import type { FaultController } from './fault-controller';
import { EMPTY_BODY, logCall, parseBodyText } from './gateway';
import { readBodyText } from './node-bindings';
import type { RequestLog } from './request-log';
import { newRequestId } from './request-id';
import { asSandboxError, errorBody } from './sandbox-error';
import type { ParsedBody, RouteDeps } from './sandbox-types';

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
      const requestId = begin(deps, 'GET', query, EMPTY_BODY);
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
    readBodyText(incoming).then(
      (bodyText) => {
        if (!admitted(incoming)) return fallback(incoming, outgoing, bodyText);
        const body = parseBodyText(bodyText);
        const requestId = begin(deps, 'POST', query, body);
        answer(outgoing, requestId, () => JSON.stringify(createKey(deps, body)));
      },
      // A client that goes away mid-body gets no answer, as from the app.
      () => undefined,
    );
  };
}

/** The raw query of a API_KEYS_PATH call ('' for none), or undefined for any other URL. */
function plainQuery(url: string): string | undefined {
  if (!url.startsWith(API_KEYS_PATH)) return undefined;
  if (url.length === API_KEYS_PATH.length) return '';
  if (url.charCodeAt(API_KEYS_PATH.length) !== 63 /* ? */) return undefined;
  const query = url.slice(API_KEYS_PATH.length + 1);
  return PLAIN_QUERY.test(query) ? query : undefined;
}

/** What the gateway does for an admitted request: a request id and a log entry. */
function begin(deps: FastPathDeps, method: string, query: string, body: ParsedBody): string {
  logCall(deps, {
    method,
    path: API_KEYS_PATH,
    query,
    body,
    authorization: 'valid',
    faultId: null,
  });
  return newRequestId();
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
