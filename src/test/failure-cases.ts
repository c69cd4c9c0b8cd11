import type { FaultSpec } from '../../sandbox/faults/controller';

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
/** Short enough for tests, long enough for the sandbox to answer every other case first. */
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
  { name: 'valid JSON that breaks the schema', fault: { status: 200, body: { unexpected: true } } },
  {
    name: 'malformed body',
    fault: { status: 200, contentType: 'application/json', bodyText: '{"count": 1, "resu' },
  },
  { name: 'dropped connection', fault: { drop: true } },
  { name: 'no answer (client time-out)', fault: { delayMs: 10_000, status: 200, body: {} } },
];
