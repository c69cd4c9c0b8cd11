import { MS_RULE, readEnvInteger } from '../../shared/read-env-integer.ts';
import {
  readAuditIdentitySettings,
  type AuditIdentitySettings,
} from './audit-identity-settings.ts';
import type { Deadlines } from './forward-upstream.ts';

export type GatewaySettings = {
  deadlines: Deadlines;
  /** AUDIT_USER_HEADER and what vouches for it; undefined when no identity header is named. */
  auditIdentity: AuditIdentitySettings | undefined;
};

/**
 * What the dev server and production read alike. The API gets 30 s to start answering and 60 s
 * to finish: a user would not wait longer, and a stalled API must not hold sockets forever.
 */
export function readGatewaySettings(env: Record<string, string | undefined>): GatewaySettings {
  const headersMs = readEnvInteger(env, 'UPSTREAM_HEADERS_TIMEOUT_MS', MS_RULE, 30_000);
  const bodyMs = readEnvInteger(env, 'UPSTREAM_BODY_TIMEOUT_MS', MS_RULE, 60_000);
  if (bodyMs < headersMs) {
    throw new Error(
      'UPSTREAM_BODY_TIMEOUT_MS must not be shorter than UPSTREAM_HEADERS_TIMEOUT_MS',
    );
  }
  return { deadlines: { headersMs, bodyMs }, auditIdentity: readAuditIdentitySettings(env) };
}
