import type { IncomingMessage } from 'node:http';
import { auditIdentity } from '../gateway/audit-identity.ts';
import type { AuditIdentitySettings } from '../gateway/audit-identity-settings.ts';

/**
 * Who a job is started by, by the audit lines' rule: the user the SSO proxy vouched for when one
 * is configured (undefined when it did not vouch: the start is refused, as a write would be),
 * else which kind of token does the work.
 */
export function jobStarter(
  settings: AuditIdentitySettings | undefined,
  sharedToken: boolean,
): (req: IncomingMessage) => string | undefined {
  return (req) => {
    if (!settings) return sharedToken ? 'shared token' : 'personal token';
    const identity = auditIdentity(req, settings);
    return identity.trusted ? identity.user : undefined;
  };
}
