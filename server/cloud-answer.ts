import { randomUUID } from 'node:crypto';
import { SECURITY_HEADER_NAMES } from './security-headers.ts';

/**
 * How the dashboard's server shapes `/cloud` answers, shared by the dev proxy (cloud-proxy.ts),
 * the production forward (production/cloud-forward.ts) and the guard in front of both, so the
 * dev server cannot promise what production does not keep.
 */

/** On every `/cloud` answer: the create answer carries the secret, so no cache may keep it. */
export const NO_STORE = { 'cache-control': 'no-store' } as const;

/**
 * Upstream answer headers the dashboard decides itself: caching (above), and its own security
 * policy, which is set before forwarding and would otherwise be replaced by upstream's copy.
 */
export function isDashboardOwnedHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return Object.hasOwn(NO_STORE, lower) || SECURITY_HEADER_NAMES.includes(lower);
}

/** Gcore's error body, for the answers the dashboard's server gives in the API's place. */
export function gcoreErrorJson(exceptionClass: string, message: string): string {
  return JSON.stringify({
    exception_class: exceptionClass,
    message,
    request_id: randomUUID().replaceAll('-', ''),
  });
}

/**
 * The 502 body when a forward got no answer. Mid-flight, the API may have acted although nothing
 * came back: the page must say the outcome is unknown rather than that nothing happened.
 */
export function upstreamFailureJson(midFlight: boolean, reason: string): string {
  return midFlight
    ? gcoreErrorJson(
        'UpstreamConnectionLost',
        'The connection to the API dropped before it answered: the request may or may not have been carried out.',
      )
    : gcoreErrorJson(
        'UpstreamUnreachable',
        `The dashboard's server could not reach the API (${reason}).`,
      );
}
