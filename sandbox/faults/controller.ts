import type { FaultSpec } from '../../shared/sandbox-control-contract';
import { exceptionClassOf } from '../http/errors';
import type { Armed, ArmedList } from './armed-list';

export type ArmedFault = Armed<FaultSpec>;
export type FaultController = ArmedList<FaultSpec>;

/** Whether a fault answers this request (method in any case; path as a prefix). */
export const matchesRequest = (method: string, pathname: string) => (fault: FaultSpec) =>
  (fault.method === undefined || fault.method.toUpperCase() === method.toUpperCase()) &&
  pathname.startsWith(fault.path);

const NULL_BODY_STATUSES = new Set([204, 205, 304]);

/** 'pass' lets the request go on (a pure delay); Response.error() drops the connection. */
export async function playFault(fault: ArmedFault, signal: AbortSignal, requestId: string) {
  if (fault.delayMs !== undefined && fault.delayMs > 0) {
    // A client that goes away during the delay gets nothing more, and its request goes no further.
    if (!(await delay(fault.delayMs, signal))) return Response.error();
  }
  if (fault.drop) return Response.error();
  if (fault.passThrough) return 'pass' as const;
  return faultResponse(fault, requestId);
}

/** False if `signal` aborts first. The global setTimeout, so a test's fake clock moves it on. */
function delay(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(true), ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
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
