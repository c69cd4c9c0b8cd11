import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { NO_STORE, sendError, upstreamFailureJson } from '../cloud-answer.ts';
import { answerRefusal } from './answer-guard.ts';
import { CLIENT_CLOSED, streamAnswer } from './stream-answer.ts';
import type { UpstreamOrigin } from './upstream-target.ts';

export type Deadlines = { headersMs: number; bodyMs: number };

export type Forward = {
  /** Where to: the API's origin, and the canonical path with the filtered query (upstreamPath). */
  origin: UpstreamOrigin;
  path: string;
  method: string;
  headers: OutgoingHttpHeaders;
  body: Buffer | undefined;
  /** Keep a copy of the answer's body (up to 256 KiB) for the caller, as well as sending it. */
  keepAnswer?: boolean;
};

const KEPT_ANSWER_BYTES = 256 * 1024;

/** What happened, for the request log and the audit line. */
export type ForwardOutcome = {
  status: number;
  upstreamRequestId: string | undefined;
  /** Set when the exchange did not complete as the API meant it to. */
  failure?: string;
  /** The whole answer body, when asked for, complete and small enough. */
  answer?: Buffer;
};

/** The only upstream answer headers the browser gets; the rest (cookies, CORS, policy) stay. */
const PASSED_RESPONSE_HEADERS = [
  'content-type',
  'content-length',
  'content-language',
  'etag',
  'last-modified',
  'retry-after',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
];
/**
 * Errors raised before a connection to the API existed, so not one byte of the request left:
 * the API cannot have acted on it. Any other error (a reset, a hang-up, one not known here) may
 * come after the API received the request, so its outcome stays unknown.
 */
const NEVER_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

// Idle sockets are dropped after 4 s, before the usual 5 s keep-alive of a server closes them
// under us. Writes never reuse a socket: a create sent on one the API just closed would fail
// without having been carried out, and be reported as "may or may not have been".
const agents = {
  http: new HttpAgent({ keepAlive: true, timeout: 4_000 }),
  https: new HttpsAgent({ keepAlive: true, timeout: 4_000 }),
};
const READS = new Set(['GET', 'HEAD']);

/**
 * One exchange with the API, streamed back to the browser under two deadlines. Redirects are
 * answered 502, never followed nor passed on. An upstream that dies or stalls after its answer
 * began ends the browser's response with an error (the socket is destroyed), never a hang.
 */
export function forwardUpstream(
  res: ServerResponse,
  forward: Forward,
  deadlines: Deadlines,
): Promise<ForwardOutcome> {
  return new Promise((resolve) => {
    const secure = forward.origin.protocol === 'https:';
    const send = secure ? httpsRequest : httpRequest;
    let done = false;
    let upstreamRequestId: string | undefined;
    const finish = (outcome: Omit<ForwardOutcome, 'upstreamRequestId'>) => {
      if (done) return;
      done = true;
      clearTimeout(headersTimer);
      clearTimeout(bodyTimer);
      resolve({ ...outcome, upstreamRequestId });
    };
    const fail = (status: number, exceptionClass: string, failure: string, body?: string) => {
      sendError(res, { status, exceptionClass, message: failure, body });
      upstream.destroy();
      finish({ status, failure });
    };

    const upstream = send({
      ...forward.origin,
      path: forward.path,
      method: forward.method,
      headers: forward.headers,
      agent: READS.has(forward.method) ? (secure ? agents.https : agents.http) : false,
    });
    const headersTimer = setTimeout(() => {
      const body = JSON.stringify({
        exception_class: 'UpstreamTimeout',
        message: `The API did not answer within ${deadlines.headersMs / 1000} s: the request may or may not have been carried out.`,
        request_id: String(res.getHeader('x-request-id') ?? ''),
      });
      fail(504, 'UpstreamTimeout', 'upstream headers timeout', body);
    }, deadlines.headersMs);
    const bodyTimer = setTimeout(() => {
      upstream.destroy();
      res.destroy();
      finish({ status: res.statusCode, failure: 'upstream body timeout' });
    }, deadlines.bodyMs);
    // The browser went away: nothing to answer, stop the API's side too.
    res.once('close', () => {
      if (!res.writableFinished) {
        upstream.destroy();
        finish({ status: 499, failure: CLIENT_CLOSED });
      }
    });

    upstream.on('error', (error: NodeJS.ErrnoException) => {
      // Once the answer began, the pipeline below reports how it ended.
      if (done || res.headersSent) return;
      const code = error.code ?? '';
      const reason = code || error.message;
      fail(502, '', `upstream ${reason}`, upstreamFailureJson(!NEVER_SENT.has(code), reason));
    });
    upstream.on('response', (answer: IncomingMessage) => {
      clearTimeout(headersTimer);
      const id = answer.headers['x-request-id'];
      upstreamRequestId = typeof id === 'string' ? id.slice(0, 128) : undefined;
      const status = answer.statusCode ?? 502;
      if (status >= 300 && status < 400) {
        answer.resume();
        const message = `The API answered with a redirect (HTTP ${status}), which the dashboard does not follow.`;
        return fail(502, 'UpstreamRedirect', message);
      }
      const refusal = answerRefusal(answer.headers, status);
      if (refusal) {
        answer.resume();
        return fail(502, 'UpstreamAnswerRefused', refusal);
      }
      res.writeHead(status, answerHeaders(answer, upstreamRequestId));
      const keepBytes = forward.keepAnswer ? KEPT_ANSWER_BYTES : 0;
      streamAnswer(answer, res, keepBytes, ({ failure, kept }) => {
        if (failure) res.destroy();
        finish(failure ? { status, failure } : { status, answer: kept });
      });
    });
    upstream.end(forward.body);
  });
}

function answerHeaders(answer: IncomingMessage, upstreamRequestId: string | undefined) {
  const headers: OutgoingHttpHeaders = { ...NO_STORE };
  for (const name of PASSED_RESPONSE_HEADERS) {
    const value = answer.headers[name];
    if (value !== undefined) headers[name] = value;
  }
  // Upstream's id sits beside the dashboard's own x-request-id, never in its place.
  if (upstreamRequestId) headers['x-upstream-request-id'] = upstreamRequestId;
  return headers;
}

/** What the API hears: the call's own headers, never cookies, never the browser's identity. */
export function upstreamHeaders(
  req: IncomingMessage,
  body: Buffer | undefined,
  token: string | undefined,
): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {
    accept: req.headers.accept ?? 'application/json',
    // Plain answers only: a compressed one is refused (answer-guard.ts).
    'accept-encoding': 'identity',
  };
  if (req.headers['accept-language']) headers['accept-language'] = req.headers['accept-language'];
  if (body) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = body.length;
  }
  // Server auth: the shared token, whatever the browser sent. Personal: the user's own.
  const authorization = token === undefined ? req.headers.authorization : `APIKey ${token}`;
  if (authorization) headers.authorization = authorization;
  return headers;
}
