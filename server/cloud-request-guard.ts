import type { IncomingMessage, ServerResponse } from 'node:http';
import { gcoreErrorJson, NO_STORE } from './cloud-answer.ts';

/** What the proxy forwards; the guard judges exactly the requests the proxy would take. */
export const CLOUD_PREFIX = '/cloud/';
export const MAX_CLOUD_BODY_BYTES = 64 * 1024;
export const CLOUD_METHODS: readonly string[] = [
  'GET',
  'POST',
  'PATCH',
  'DELETE',
  'HEAD',
  'OPTIONS',
];

/** A connect-style middleware with nothing but node:http types, usable outside Vite. */
export type NodeMiddleware = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (error?: unknown) => void,
) => void;

export type Refusal = {
  status: 400 | 405 | 411 | 413;
  exceptionClass: string;
  message: string;
  headers?: Record<string, string>;
};

type RequestHead = Pick<IncomingMessage, 'method' | 'url' | 'headers'>;

/** Why a request must not be served or forwarded, or `undefined` when it may pass. Pure. */
export function checkRequest({
  method = 'GET',
  url = '',
  headers,
}: RequestHead): Refusal | undefined {
  // Absolute-form (`GET http://evil.example/… HTTP/1.1`) asks us to act as an open proxy.
  if (!url.startsWith('/')) {
    return refusal(400, 'InvalidRequestTarget', 'Only origin-form request targets are served.');
  }
  if (!url.startsWith(CLOUD_PREFIX)) return undefined;

  const problem = pathProblem(url.split('?', 1)[0] ?? '');
  if (problem) return refusal(400, 'InvalidRequestTarget', `The API path has ${problem}.`);
  if (!CLOUD_METHODS.includes(method)) {
    return {
      ...refusal(405, 'MethodNotAllowed', `Method "${method}" is not allowed on the API.`),
      headers: { allow: CLOUD_METHODS.join(', ') },
    };
  }
  // The proxy streams bodies, so their size is only known up front from Content-Length.
  if (headers['transfer-encoding'] !== undefined) {
    return refusal(411, 'LengthRequired', 'API requests with a body need a Content-Length.');
  }
  const length = headers['content-length'];
  if (length !== undefined && !/^\d+$/.test(length)) {
    return refusal(400, 'InvalidContentLength', 'The Content-Length is not a number.');
  }
  if (length !== undefined && Number(length) > MAX_CLOUD_BODY_BYTES) {
    return refusal(
      413,
      'PayloadTooLarge',
      `API request bodies are limited to ${MAX_CLOUD_BODY_BYTES} bytes.`,
    );
  }
  return undefined;
}

/**
 * Anything an upstream could normalise into another path: dot segments, empty segments,
 * backslashes and encoded separators, checked on the raw path and once decoded (which also
 * catches double encoding such as `%252e%252e`).
 */
export function pathProblem(rawPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return 'malformed percent-encoding';
  }
  for (const path of [rawPath, decoded]) {
    if (/\\|%5c/i.test(path)) return 'a backslash';
    if (/%2f/i.test(path)) return 'an encoded slash';
    if (path.includes('//')) return 'an empty segment';
    if (path.split('/').some((segment) => /^(?:\.|%2e){1,2}(?:;.*)?$/i.test(segment))) {
      return 'a dot segment';
    }
  }
  return undefined;
}

/** Refuses what `checkRequest` refuses, in Gcore's error shape; passes the rest on. */
export function cloudRequestGuard(): NodeMiddleware {
  return (req, res, next) => {
    const refused = checkRequest(req);
    if (!refused) return next();
    const body = gcoreErrorJson(refused.exceptionClass, refused.message);
    res
      .writeHead(refused.status, {
        ...refused.headers,
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        ...NO_STORE,
        // The request body, if any, stays unread: closing beats reading an oversize body.
        connection: 'close',
      })
      .end(body);
  };
}

function refusal(status: Refusal['status'], exceptionClass: string, message: string): Refusal {
  return { status, exceptionClass, message };
}
