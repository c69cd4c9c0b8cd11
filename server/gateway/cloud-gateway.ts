import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { newRequestId, sendError, type ErrorAnswer } from '../cloud-answer.ts';
import { auditLine } from './audit-line.ts';
import { checkTarget, type CanonicalTarget } from './canonical-target.ts';
import { forwardUpstream, type Deadlines } from './forward-upstream.ts';
import {
  hasBody,
  isJsonContentType,
  MAX_BODY_BYTES,
  readBoundedBody,
} from './read-bounded-body.ts';
import { crossSiteProblem, type OriginPolicy } from './request-origin.ts';
import { DASHBOARD_ROUTES, filterQuery, forbiddenFields, matchRoute } from './route-table.ts';
import type { RouteRule } from './route-table.ts';

/** A connect-style middleware with nothing but node:http types: Vite and production use it. */
export type NodeMiddleware = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (error?: unknown) => void,
) => void;

export type GatewayOptions = {
  /** The API's origin. With a token, it replaces the browser's Authorization ("server" auth). */
  target: { url: string; token: string | undefined };
  deadlines: Deadlines;
  policy: OriginPolicy;
  routes?: readonly RouteRule[];
  /** The trusted identity header an SSO proxy sets (AUDIT_USER_HEADER); ignored when unset. */
  auditUserHeader?: string;
  /** One JSON line: audit lines and upstream failures. */
  writeLine?: (line: string) => void;
};

/**
 * The one `/cloud` gateway, for the dev server and production alike. It decides on the canonical
 * path and forwards that same path; anything but the dashboard's own calls, from its own pages,
 * with a bounded JSON body, is refused here and never reaches the API.
 */
export function cloudGateway(options: GatewayOptions): NodeMiddleware {
  const routes = options.routes ?? DASHBOARD_ROUTES;
  const userHeader = options.auditUserHeader?.trim().toLowerCase() || undefined;
  const writeLine = options.writeLine ?? ((line) => process.stdout.write(`${line}\n`));
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
    if (!res.hasHeader('x-request-id')) res.setHeader('x-request-id', newRequestId());
    const requestId = String(res.getHeader('x-request-id'));
    if (!options.policy.isAllowedHost(req.headers.host ?? '')) {
      return sendError(res, refusal(421, 'MisdirectedRequest', 'This host is not served.'));
    }
    const match = matchRoute(routes, method, target.path);
    if (!match) {
      const message = `The dashboard's server forwards only the dashboard's own API calls; ${method} on this path is not one of them.`;
      return sendError(res, refusal(403, 'ForbiddenByGateway', message));
    }
    const query = filterQuery(target.query, match.rule.query);
    let body: Buffer | undefined;
    let parsed: unknown;
    const audit = (status: number, upstreamRequestId?: string) => {
      const line = auditLine({
        match,
        headers: req.headers,
        body: parsed,
        query: new URLSearchParams(query),
        userHeader,
        sharedToken: options.target.token !== undefined,
        status,
        requestId,
        upstreamRequestId,
      });
      if (line) writeLine(line);
    };
    const refuse = (answer: ErrorAnswer) => {
      sendError(res, answer);
      audit(answer.status);
    };

    const crossSite = crossSiteProblem(method, req.headers, options.policy);
    if (crossSite) return refuse(refusal(403, 'CrossSiteRequest', `Refused ${crossSite}.`));
    if (match.rule.body) {
      if (!isJsonContentType(req.headers['content-type'])) {
        const message = 'API request bodies must be sent as Content-Type: application/json.';
        return refuse({ ...refusal(415, 'UnsupportedMediaType', message), close: true });
      }
      const read = await readBoundedBody(req);
      if (!read.ok) {
        if (read.reason === 'aborted') return void res.destroy();
        if (read.reason === 'bad-length') {
          return refuse({
            ...refusal(400, 'InvalidContentLength', 'Bad Content-Length.'),
            close: true,
          });
        }
        const message = `API request bodies are limited to ${MAX_BODY_BYTES} bytes.`;
        return refuse({ ...refusal(413, 'PayloadTooLarge', message), close: true });
      }
      body = read.body;
      try {
        parsed = JSON.parse(body.toString('utf8'));
      } catch {
        return refuse(refusal(400, 'InvalidJson', 'The request body is not valid JSON.'));
      }
      const extra = forbiddenFields(match.rule, parsed);
      if (extra.length > 0) {
        const message = `The dashboard may not change these fields here: ${extra.join(', ')}.`;
        return refuse(refusal(403, 'ForbiddenField', message));
      }
    } else if (hasBody(req)) {
      return refuse({ ...refusal(400, 'UnexpectedBody', 'This call takes no body.'), close: true });
    }

    const outcome = await forwardUpstream(
      res,
      {
        url: new URL(`${target.path}${query ? `?${query}` : ''}`, options.target.url),
        method,
        headers: upstreamHeaders(req, body, options.target.token),
        body,
      },
      options.deadlines,
    );
    audit(outcome.status, outcome.upstreamRequestId);
    if (outcome.failure) {
      writeLine(
        JSON.stringify({
          type: 'upstream',
          level: 'error',
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

/** What the API hears: the call's own headers, never cookies, never the browser's identity. */
function upstreamHeaders(
  req: IncomingMessage,
  body: Buffer | undefined,
  token: string | undefined,
) {
  const headers: OutgoingHttpHeaders = { accept: req.headers.accept ?? 'application/json' };
  if (req.headers['accept-language']) headers['accept-language'] = req.headers['accept-language'];
  if (body) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = body.length;
  }
  const authorization = token === undefined ? req.headers.authorization : `APIKey ${token}`;
  if (authorization) headers.authorization = authorization;
  return headers;
}

function refusal(status: number, exceptionClass: string, message: string): ErrorAnswer {
  return { status, exceptionClass, message };
}

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
