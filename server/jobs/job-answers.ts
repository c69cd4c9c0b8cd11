import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorAnswer, sendError } from '../cloud-answer.ts';
import { untrustedWriteRefusal } from '../gateway/audit-identity.ts';

/** The refusals every `/__app/jobs` write shares. */
export const JOB_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const SIGN_IN =
  'Sign in first: a job works with your own token, which the server holds in memory only.';
const UNTRUSTED = errorAnswer(
  401,
  'AuditIdentityRequired',
  'No trusted identity came with this job.',
);

export type WriteCaller = { authorization: string | undefined; user: string };

/**
 * Who asks for a job write, or undefined once refused: under personal sign-in it needs the
 * caller's token, and, as for a write through /cloud, an identity the proxy vouched for.
 */
export function writeCaller(
  req: IncomingMessage,
  res: ServerResponse,
  options: { sharedToken: boolean; identify: (req: IncomingMessage) => string | undefined },
): WriteCaller | undefined {
  const authorization = req.headers.authorization;
  if (!options.sharedToken && !authorization) {
    sendError(res, errorAnswer(401, 'NotSignedIn', SIGN_IN));
    return undefined;
  }
  const user = options.identify(req);
  if (user === undefined) {
    sendError(res, untrustedWriteRefusal({ trusted: false }, 'POST') ?? UNTRUSTED);
    return undefined;
  }
  return { authorization, user };
}

export function notFound(res: ServerResponse): undefined {
  sendError(res, errorAnswer(404, 'JobNotFound', 'There is no such job.'));
  return undefined;
}

export function notAllowed(res: ServerResponse, allow: string): undefined {
  const answer = errorAnswer(405, 'MethodNotAllowed', `Only ${allow} is answered here.`);
  sendError(res, { ...answer, headers: { allow } });
  return undefined;
}
