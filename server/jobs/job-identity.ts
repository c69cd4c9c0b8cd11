import type { IncomingMessage } from 'node:http';

/**
 * Who starts a job, by the audit lines' rule (server/gateway/audit-line.ts): the operator's
 * trusted identity header when one is named, else which kind of token does the work.
 */
export function auditIdentity(
  userHeader: string | undefined,
  sharedToken: boolean,
): (req: IncomingMessage) => string {
  const header = userHeader?.trim().toLowerCase() || undefined;
  return (req) => {
    const named = header ? req.headers[header] : undefined;
    if (typeof named === 'string' && named !== '') return named.slice(0, 256);
    return sharedToken ? 'shared token' : 'personal token';
  };
}
