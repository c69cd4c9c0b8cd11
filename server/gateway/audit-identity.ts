import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { errorAnswer, type ErrorAnswer } from '../cloud-answer.ts';
import {
  plainAddress,
  PROXY_SECRET_HEADER,
  sha256,
  type AuditIdentitySettings,
} from './audit-identity-settings.ts';

/**
 * Who an audit line names when AUDIT_USER_HEADER is set: the user the SSO proxy vouched for, or
 * nobody it vouched for (`trusted: false`). The name an untrusted request claims is not kept:
 * it is whatever the sender chose to write.
 */
export type AuditIdentity = { trusted: true; user: string } | { trusted: false };

/** Longest user name kept in a line. */
const MAX_USER = 256;

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The identity of `req`: trusted only when it carries every mark of the proxy that is configured. */
export function auditIdentity(
  req: Pick<IncomingMessage, 'headers' | 'socket'>,
  settings: AuditIdentitySettings,
): AuditIdentity {
  const { proxySecretDigest, trustedProxies } = settings;
  const secretHolds =
    !proxySecretDigest || secretMatches(req.headers[PROXY_SECRET_HEADER], proxySecretDigest);
  const peer = plainAddress(req.socket.remoteAddress ?? '');
  const peerHolds = trustedProxies.length === 0 || trustedProxies.includes(peer);
  const named = req.headers[settings.userHeader];
  const user = typeof named === 'string' ? named.trim().slice(0, MAX_USER) : '';
  return secretHolds && peerHolds && user !== '' ? { trusted: true, user } : { trusted: false };
}

/**
 * A write the audit log could not name anyone for is not made. Reads stay open: the proxy in
 * front already decides who may look.
 */
export function untrustedWriteRefusal(
  identity: AuditIdentity | undefined,
  method: string,
): ErrorAnswer | undefined {
  if (!identity || identity.trusted || READS.has(method)) return undefined;
  return errorAnswer(
    401,
    'AuditIdentityRequired',
    'This server records who makes each change, and this request did not come through its sign-in proxy. Open the dashboard at its usual address and try again.',
  );
}

/** Equal-length digests, compared in constant time: the answer's timing tells nothing. */
function secretMatches(sent: string | string[] | undefined, expected: Buffer): boolean {
  if (typeof sent !== 'string') return false;
  return timingSafeEqual(sha256(sent), expected);
}
