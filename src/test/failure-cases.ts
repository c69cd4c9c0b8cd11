import type { FaultSpec } from '../../shared/sandbox-control-contract';
import type { ApiErrorKind } from '../lib/api-error';

/** A failure the API (or the network) can produce, as a sandbox fault without its path. */
export type FailureCase = {
  name: string;
  fault: Omit<FaultSpec, 'path'>;
};

const requestId = 'matrix0123456789abcdef0123456789';
const body = (exceptionClass: string, message: string, extra: object = {}) => ({
  exception_class: exceptionClass,
  message,
  request_id: requestId,
  ...extra,
});

export const MATRIX_REQUEST_ID = requestId;
/**
 * The page's time-out for the case that is never answered, and only for it: the sandbox holds that
 * answer far longer, so the time-out always comes first, however busy the machine.
 */
export const MATRIX_TIMEOUT_MS = 400;

/** The failure matrix of docs/failure-matrix.md: every call the app makes is tested against each. */
export const FAILURE_CASES: FailureCase[] = [
  {
    name: '400 with invalid_fields',
    fault: {
      status: 400,
      body: body('ValidationError', "Validation Error: {'name': ['Bad.']}", {
        invalid_fields: { name: ['Bad.'] },
      }),
    },
  },
  {
    name: '400 without invalid_fields',
    fault: { status: 400, body: body('ValidationError', 'Malformed request.') },
  },
  {
    name: '401',
    fault: { status: 401, body: body('NotAuthenticated', 'Token is invalid or expired') },
  },
  {
    name: '403',
    fault: { status: 403, body: body('ForbiddenError', 'Your role does not allow this.') },
  },
  { name: '404', fault: { status: 404, body: body('NotFoundError', 'Resource not found.') } },
  { name: '405', fault: { status: 405, body: body('HTTPError', 'Method not allowed.') } },
  { name: '409', fault: { status: 409, body: body('ConflictError', 'API key already exists') } },
  {
    name: '429 with Retry-After',
    fault: {
      status: 429,
      headers: { 'retry-after': '7' },
      body: body('TooManyRequests', 'Slow down.'),
    },
  },
  {
    name: '429 without Retry-After',
    fault: { status: 429, body: body('TooManyRequests', 'Slow down.') },
  },
  { name: '500', fault: { status: 500, body: body('InternalError', 'Something broke.') } },
  {
    name: '502 with an HTML gateway page',
    fault: {
      status: 502,
      contentType: 'text/html',
      bodyText: '<html><body><h1>502 Bad Gateway</h1></body></html>',
    },
  },
  {
    name: '503',
    fault: { status: 503, body: body('ServiceUnavailable', 'Down for maintenance.') },
  },
  {
    // The gateway's own answer when the API refused the connection: nothing reached the API.
    name: 'connection refused (the gateway’s 502)',
    fault: {
      status: 502,
      body: body(
        'UpstreamUnreachable',
        "The dashboard's server could not reach the API (ECONNREFUSED): nothing was sent to it.",
      ),
    },
  },
  { name: 'valid JSON that breaks the schema', fault: { status: 200, body: { unexpected: true } } },
  {
    name: 'malformed body',
    fault: { status: 200, contentType: 'application/json', bodyText: '{"count": 1, "resu' },
  },
  { name: 'dropped connection', fault: { drop: true } },
  { name: 'no answer (client time-out)', fault: { delayMs: 600_000, status: 200, body: {} } },
];

/** The ApiError fields (and message) each failure case must produce, whatever the call. */
export type FailureExpectation = {
  kind?: ApiErrorKind;
  status?: number;
  retryAfterSeconds?: number | null;
  message?: RegExp;
  /** The request never reached the API, so a write cannot have happened. */
  neverSent?: boolean;
};

/** One expectation per FAILURE_CASES name: the same verdict for every call and generation. */
export const FAILURE_EXPECTATIONS: Record<string, FailureExpectation> = {
  '400 with invalid_fields': { kind: 'http', status: 400 },
  '400 without invalid_fields': { kind: 'http', status: 400, message: /Malformed request/ },
  '401': { kind: 'http', status: 401, message: /Token is invalid/ },
  '403': { kind: 'http', status: 403 },
  '404': { kind: 'http', status: 404 },
  '405': { kind: 'http', status: 405 },
  '409': { kind: 'http', status: 409 },
  '429 with Retry-After': { kind: 'http', status: 429, retryAfterSeconds: 7 },
  '429 without Retry-After': { kind: 'http', status: 429, retryAfterSeconds: null },
  '500': { kind: 'http', status: 500, message: /Something broke/ },
  '502 with an HTML gateway page': {
    kind: 'http',
    status: 502,
    message: /^The API failed \(HTTP 502/,
  },
  '503': { kind: 'http', status: 503, neverSent: false },
  'connection refused (the gateway’s 502)': {
    kind: 'http',
    status: 502,
    message: /ECONNREFUSED/,
    neverSent: true,
  },
  'valid JSON that breaks the schema': { kind: 'invalid-response', message: /unexpected format/ },
  'malformed body': { kind: 'invalid-response', message: /not JSON/ },
  'dropped connection': { kind: 'network', neverSent: false },
  'no answer (client time-out)': { kind: 'timeout', message: /did not answer within/ },
};
