import type { ServerResponse } from 'node:http';
import { sendError } from '../cloud-answer.ts';
import { checkTarget } from '../../shared/http/canonical-target.ts';
import type { NodeMiddleware } from './node-middleware.ts';

/** 400 for a target that is not canonical; any body stays unread, so the connection closes. */
export function refuseTarget(res: ServerResponse, problem: string): void {
  const message = `The request target has ${problem}.`;
  sendError(res, { status: 400, exceptionClass: 'InvalidRequestTarget', message, close: true });
}

/** The same canonical-target rule for every path the server answers, not only `/cloud`. */
export function canonicalTargetGuard(): NodeMiddleware {
  return (req, res, next) => {
    const verdict = checkTarget(req.url ?? '');
    if (verdict.ok) return next();
    refuseTarget(res, verdict.problem);
  };
}
