import { MS_RULE, readEnvInteger } from '../read-env-integer.ts';
import type { Deadlines } from './forward-upstream.ts';

export type GatewaySettings = {
  deadlines: Deadlines;
  auditUserHeader: string | undefined;
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
  const auditUserHeader = env.AUDIT_USER_HEADER?.trim() || undefined;
  if (auditUserHeader && !/^[A-Za-z0-9-]+$/.test(auditUserHeader)) {
    throw new Error(`AUDIT_USER_HEADER must be a header name, got "${auditUserHeader}"`);
  }
  return { deadlines: { headersMs, bodyMs }, auditUserHeader };
}
