import { REQUESTED_BY } from '../../src/lib/request-header.ts';
import type { RawRequest, RawResponse } from './send-raw-request.ts';
import type { UpstreamMood } from './fake-upstream.ts';

/**
 * One row of the raw-socket attack table (attack-cases.ts). `reaches` says how many calls the
 * recording upstream may see: 0 for every refusal.
 */
export type AttackCase = {
  name: string;
  kind: 'finding' | 'held';
  /**
   * The server it is sent to: v2 unless said (the e2e servers speak v2); `sso` is v2 behind an SSO
   * proxy (sso-test-settings.ts: the identity header trusted only beside the secret).
   */
  server?: 'v2' | 'v3' | 'sso';
  request: (port: number) => RawRequest;
  /**
   * Sent without the dashboard's X-Requested-By. Every other row carries it, so that it is
   * refused (or forwarded) for the very reason it names, not for lacking the header.
   */
  withoutRequestedBy?: true;
  mood?: UpstreamMood;
  /** The status, or per server when they legitimately differ (Vite's own host check). */
  status: number | { dev: number; production: number };
  reaches: 0 | 1;
  /** The exact body the upstream must receive: the validated value, re-serialised. */
  forwarded?: string;
  /** Fields of the one audit line the call must write. */
  audit?: Record<string, unknown>;
  check?: (response: RawResponse) => void;
};

/** The bytes a row sends: its request, with the dashboard's header unless it goes without. */
export function attackRequest(attack: AttackCase, port: number): RawRequest {
  const request = attack.request(port);
  if (attack.withoutRequestedBy) return request;
  return { ...request, headers: { ...REQUESTED_BY, ...request.headers } };
}

// The words the rows are written in.
export const V2_KEYS = '/cloud/v2/inference/api_keys';
export const JSON_TYPE = { 'content-type': 'application/json' };
/** The dashboard's own origin on `port`. */
export const ownOrigin = (port: number) => ({ origin: `http://127.0.0.1:${port}` });
export const get = (target: string, headers?: Record<string, string>) => (): RawRequest => ({
  method: 'GET',
  target,
  headers,
});
/** A row's check fails with `what` when `value` is false. */
export const expectTrue = (value: boolean, what: string) => {
  if (!value) throw new Error(what);
};
export const noCorsHeaders = (response: RawResponse) =>
  expectTrue(
    !Object.keys(response.headers).some((h) => h.startsWith('access-control-')),
    'no CORS header',
  );
