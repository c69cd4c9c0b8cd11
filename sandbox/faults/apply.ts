import { exceptionClassOf } from '../http/errors';
import type { ArmedFault } from './controller';

const NULL_BODY_STATUSES = new Set([204, 205, 304]);

/**
 * Plays a fault. Returns 'pass' when the request should go on to the real handler (a pure
 * delay). `Response.error()` means "drop the connection": the Node server destroys the socket
 * (and an in-process fetch sees a network error).
 */
export async function applyFault(
  fault: ArmedFault,
  signal: AbortSignal,
  requestId: string,
): Promise<Response | 'pass'> {
  if (fault.delayMs !== undefined && fault.delayMs > 0) {
    // A client that goes away during the delay gets nothing more, and its request goes no further.
    if (!(await delay(fault.delayMs, signal))) return Response.error();
  }
  if (fault.drop) return Response.error();
  if (fault.passThrough) return 'pass';
  return faultResponse(fault, requestId);
}

/**
 * True once `ms` have passed, false as soon as `signal` aborts. The global setTimeout, not
 * node:timers/promises, so that a test's fake clock moves a delay on instead of the machine's.
 */
function delay(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function faultResponse(fault: ArmedFault, requestId: string): Response {
  const status = fault.status ?? 500;
  const errorBody = {
    exception_class: exceptionClassOf(status),
    message: `Injected fault: HTTP ${status}`,
    request_id: requestId,
  };
  const json = fault.body ?? (status >= 400 ? errorBody : undefined);
  const body = fault.bodyText ?? (json === undefined ? null : JSON.stringify(json));
  const headers = new Headers(fault.headers);
  const type = fault.bodyText === undefined ? 'application/json' : 'text/plain';
  if (body !== null && !headers.has('content-type')) {
    headers.set('content-type', fault.contentType ?? type);
  }
  return new Response(NULL_BODY_STATUSES.has(status) ? null : body, { status, headers });
}
