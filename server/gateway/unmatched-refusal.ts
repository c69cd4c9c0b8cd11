import { errorAnswer, type ErrorAnswer } from '../cloud-answer.ts';
import type { AuditedMatch } from './audit-line.ts';
import { matchRoute, misshapenParam, routesFor, type RouteRule } from './route-table.ts';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The answer to a call no row of this server matches, and what its audit line is about: a
 * malformed id is 404 (no such key can exist), anything else 403. A refused write is audited
 * too: under the row it was meant for (of either generation) when there is one, else as an
 * `unlisted-write`. Reads are not audited.
 */
export function unmatchedRefusal(
  routes: readonly RouteRule[],
  method: string,
  path: string,
): { answer: ErrorAnswer; audited: AuditedMatch | undefined } {
  const misshapen = misshapenParam(routes, method, path);
  if (misshapen) {
    const answer = errorAnswer(404, 'NotFound', `No resource has such a ${misshapen.param}.`);
    return { answer, audited: { rule: misshapen.rule, params: {} } };
  }
  const message = `The dashboard's server forwards only the dashboard's own API calls; ${method} on this path is not one of them.`;
  const answer = errorAnswer(403, 'ForbiddenByGateway', message);
  if (READS.has(method)) return { answer, audited: undefined };
  const meant = matchRoute(routesFor(null), method, path);
  return { answer, audited: meant ?? { rule: { audit: 'unlisted-write' }, params: {} } };
}
