import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorAnswer, newRequestId, sendError, type ErrorAnswer } from '../cloud-answer.ts';
import { auditIdentity, untrustedWriteRefusal, type AuditIdentity } from './audit-identity.ts';
import type { AuditIdentitySettings } from './audit-identity-settings.ts';
import { auditLine, type AuditedMatch } from './audit-line.ts';
import { DeploymentKeysMemory } from './bind-audit.ts';
import { checkTarget, type CanonicalTarget } from '../../shared/http/canonical-target.ts';
import { forwardUpstream, upstreamHeaders, type Deadlines } from './forward-upstream.ts';
import { CLIENT_CLOSED } from './stream-answer.ts';
import { UNMATCHED_ROUTE, type GatewayObserver } from './gateway-observer.ts';
import type { JobIdentity } from './job-identity.ts';
import type { NodeMiddleware } from './node-middleware.ts';
import { readRequestBody } from './request-body.ts';
import { notFromThePage, type OriginPolicy } from './request-origin.ts';
import type { GenerationChoice } from '../api-generation-choice.ts';
import { generationGate } from './generation-gate.ts';
import { DASHBOARD_ROUTES, filterQuery, matchRoute, routesFor } from './route-table.ts';
import { TaskMemory } from './task-memory.ts';
import { refuseTarget } from './target-guard.ts';
import type { RouteRule } from './route-table.ts';
import { unmatchedRefusal } from './unmatched-refusal.ts';
import { upstreamOrigin, upstreamPath } from './upstream-target.ts';

export type GatewayOptions = {
  /** The API's origin. With a token, it replaces the browser's Authorization ("server" auth). */
  target: { url: string; token: string | undefined };
  deadlines: Deadlines;
  policy: OriginPolicy;
  /** A fixed allow-list (tests); otherwise the one of `generation`'s choice. */
  routes?: readonly RouteRule[];
  /** GCORE_API_VERSION as decided; without it (and without `routes`), v2's calls. */
  generation?: Pick<GenerationChoice, 'current' | 'decide'>;
  /**
   * The identity header an SSO proxy sets (AUDIT_USER_HEADER) and what vouches for it; with it,
   * a write without a trusted identity is refused.
   */
  auditIdentity?: AuditIdentitySettings;
  /** Lets this server's own jobs name who started them in the audit line; no one else can. */
  jobIdentity?: JobIdentity;
  /** One JSON line: audit lines and upstream failures. */
  writeLine?: (line: string) => void;
  /** Counts requests and times forwards (metrics). */
  observer?: GatewayObserver;
};

/**
 * The one `/cloud` gateway, for the dev server and production alike. It decides on the canonical
 * path and forwards that same path; anything but the dashboard's own calls, from its own pages,
 * with a bounded JSON body, is refused here and never reaches the API.
 */
export function cloudGateway(options: GatewayOptions): NodeMiddleware {
  const fixedRoutes = options.routes ?? (options.generation ? undefined : DASHBOARD_ROUTES);
  const writeLine = options.writeLine ?? ((line) => process.stdout.write(`${line}\n`));
  const deploymentKeys = new DeploymentKeysMemory();
  const tasks = new TaskMemory();
  const origin = upstreamOrigin(options.target.url);
  return (req, res, next) => {
    const verdict = checkTarget(req.url ?? '');
    if (!verdict.ok) return refuseTarget(res, verdict.problem);
    const { path } = verdict.target;
    if (path !== '/cloud' && !path.startsWith('/cloud/')) return next();
    void handle(req, res, verdict.target).catch((error: unknown) => {
      writeLine(JSON.stringify({ type: 'error', msg: 'gateway failure', error: String(error) }));
      sendError(res, { status: 500, exceptionClass: 'InternalError', message: 'Gateway failure.' });
    });
  };

  async function handle(req: IncomingMessage, res: ServerResponse, target: CanonicalTarget) {
    const method = req.method ?? 'GET';
    let route = UNMATCHED_ROUTE;
    res.once('close', () => {
      options.observer?.answered(route, method, res.writableFinished ? res.statusCode : 499);
    });
    if (!res.hasHeader('x-request-id')) res.setHeader('x-request-id', newRequestId());
    const requestId = String(res.getHeader('x-request-id'));
    if (!options.policy.isAllowedHost(req.headers.host ?? '')) {
      return sendError(res, errorAnswer(421, 'MisdirectedRequest', 'This host is not served.'));
    }
    // A job of this very server vouches for whoever started it, as the SSO proxy did then.
    const jobUser = options.jobIdentity?.jobUser(req.headers);
    const identity: AuditIdentity | undefined = jobUser
      ? { trusted: true, user: jobUser }
      : options.auditIdentity && auditIdentity(req, options.auditIdentity);
    // Undecided, every generation's rows match; only UNDECIDED_ROUTES pass the gate below.
    const routes = fixedRoutes ?? routesFor(options.generation?.current() ?? null);
    const writeAudit = (
      audited: AuditedMatch,
      status: number,
      parsed?: unknown,
      upstreamRequestId?: string,
    ) => {
      const { project_id: project, deployment_name: deployment } = audited.params;
      const line = auditLine({
        match: audited,
        method,
        body: parsed,
        identity,
        sharedToken: options.target.token !== undefined,
        status,
        requestId,
        upstreamRequestId,
        keysBefore: project && deployment ? deploymentKeys.recall(project, deployment) : undefined,
      });
      if (line) writeLine(line);
    };
    const match = matchRoute(routes, method, target.path);
    route = match?.rule.template ?? UNMATCHED_ROUTE;
    if (!match) {
      const refusal = unmatchedRefusal(routes, method, target.path);
      sendError(res, refusal.answer);
      return refusal.audited ? writeAudit(refusal.audited, refusal.answer.status) : undefined;
    }
    const query = filterQuery(target.query, match.rule.query);
    const { project_id: project, deployment_name: deployment } = match.params;
    const deploymentRead = method === 'GET' && project !== undefined && deployment !== undefined;
    const bind = match.rule.audit === 'bind';
    const audit = (status: number, parsed?: unknown, upstreamRequestId?: string) =>
      writeAudit(match, status, parsed, upstreamRequestId);
    const refuse = (answer: ErrorAnswer) => {
      sendError(res, answer);
      audit(answer.status);
    };

    const untrusted = untrustedWriteRefusal(identity, method);
    if (untrusted) return refuse(untrusted);
    const notPage = notFromThePage(method, req.headers, options.policy);
    if (notPage) return refuse(notPage);
    if (match.rule.knownTasksOnly && !tasks.knows(match.params.task_id ?? '')) {
      const message =
        'The dashboard’s server forwards only the tasks its own key bindings started.';
      sendError(res, errorAnswer(403, 'ForbiddenByGateway', message));
      // A read, audited only when refused: someone asked for another task of the account.
      const asAudited = { ...match, rule: { ...match.rule, audit: 'read-task' as const } };
      return writeAudit(asAudited, 403);
    }
    const read = await readRequestBody(req, match.rule);
    if (!read.ok && read.answer) return refuse(read.answer);
    if (!read.ok) {
      // The browser went away mid-body: no one to answer, but the attempt is on record.
      res.destroy();
      return audit(499);
    }
    const { body, parsed } = read;
    // After every other check: only a call that would be forwarded may make the server probe.
    if (!fixedRoutes && options.generation) {
      const refusal = await generationGate(options.generation, match.rule, req.headers);
      if (refusal) return refuse(refusal);
    }

    const started = performance.now();
    const outcome = await forwardUpstream(
      res,
      {
        origin,
        path: upstreamPath(target.path, query),
        method,
        headers: upstreamHeaders(req, body, options.target.token),
        body,
        keepAnswer: deploymentRead || bind,
      },
      options.deadlines,
    );
    options.observer?.upstream(route, method, (performance.now() - started) / 1000);
    if (deploymentRead && outcome.status === 200 && outcome.answer) {
      deploymentKeys.remember(project, deployment, parseJson(outcome.answer));
    }
    if (bind && outcome.status >= 200 && outcome.status < 300 && outcome.answer) {
      tasks.rememberAnswer(parseJson(outcome.answer));
    }
    audit(outcome.status, parsed, outcome.upstreamRequestId);
    if (outcome.failure) {
      writeLine(
        JSON.stringify({
          type: 'upstream',
          // A browser that closed the page or cancelled is ordinary, not an error to page on.
          level: outcome.failure === CLIENT_CLOSED ? 'info' : 'error',
          time: new Date().toISOString(),
          failure: outcome.failure,
          method,
          route: match.rule.template,
          status: outcome.status,
          request_id: requestId,
          upstream_request_id: outcome.upstreamRequestId ?? null,
        }),
      );
    }
  }
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}
