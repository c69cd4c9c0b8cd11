import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  ACTIVITY_PAGE_SIZE,
  ACTIVITY_PATH,
  ACTIVITY_QUERY_RULES,
  activityQuerySchema,
  type ActivityQuery,
} from '../../src/features/activity/api/activity-contract.ts';
import { errorAnswer, sendError } from '../cloud-answer.ts';
import type { NodeMiddleware } from '../gateway/node-middleware.ts';
import { notFromThePage, type OriginPolicy } from '../gateway/request-origin.ts';
import { sendJson } from '../jobs/job-request.ts';
import type { ReaderCheck } from '../jobs/reader-check.ts';
import type { ActivityStore } from './activity-store.ts';

export type ActivityEndpointOptions = {
  store: Pick<ActivityStore, 'list'>;
  policy: OriginPolicy;
  /** Who may read who did what: as for the jobs list. */
  readers: ReaderCheck;
  writeLine: (line: string) => void;
};

const PARAMS = ['project_id', 'key', 'key_id', 'before', 'limit'] as const;

/**
 * `GET /__app/activity`: the writes of a project, newest first, optionally for one key. Same
 * rules as `/__app/jobs`: only this server's own hosts and pages, only readers the API accepts
 * under personal sign-in, nothing cached.
 */
export function activityEndpoint(options: ActivityEndpointOptions): NodeMiddleware {
  const list = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const refusal = await options.readers(req.headers.authorization);
    if (refusal) return sendError(res, refusal);
    const query = readQuery(url);
    if (typeof query === 'string') {
      return sendError(res, errorAnswer(400, 'InvalidQuery', query));
    }
    const page = await options.store.list({
      project: Number(query.project_id),
      keys: [query.key, query.key_id].filter((key) => key !== undefined),
      before: query.before,
      limit: query.limit ? Number(query.limit) : ACTIVITY_PAGE_SIZE,
    });
    sendJson(res, 200, page);
  };

  return (req, res, next) => {
    const url = new URL(req.url ?? '/', 'http://activity.invalid');
    if (url.pathname !== ACTIVITY_PATH) return next();
    const method = req.method ?? 'GET';
    if (!options.policy.isAllowedHost(req.headers.host ?? '')) {
      return sendError(res, errorAnswer(421, 'MisdirectedRequest', 'This host is not served.'));
    }
    // Another site must not read who did what with a visitor's sign-in.
    const notPage = notFromThePage(method, req.headers, options.policy);
    if (notPage) return sendError(res, notPage);
    if (method !== 'GET') {
      const answer = errorAnswer(405, 'MethodNotAllowed', 'Only GET is answered here.');
      return sendError(res, { ...answer, headers: { allow: 'GET' } });
    }
    list(req, res, url).catch((error: unknown) => {
      options.writeLine(
        JSON.stringify({ type: 'error', msg: 'activity request failed', error: String(error) }),
      );
      sendError(res, errorAnswer(500, 'InternalError', 'The activity log failed; try again.'));
    });
  };
}

/** The query, or the message naming the first parameter that is wrong. */
function readQuery(url: URL): ActivityQuery | string {
  const raw: Record<string, string> = {};
  for (const name of PARAMS) {
    const values = url.searchParams.getAll(name);
    if (values.length > 1) return `${name} may be given once.`;
    if (values[0] !== undefined) raw[name] = values[0];
  }
  const parsed = activityQuerySchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const field = parsed.error.issues[0]?.path[0];
  return typeof field === 'string' && field in ACTIVITY_QUERY_RULES
    ? ACTIVITY_QUERY_RULES[field as keyof ActivityQuery]
    : ACTIVITY_QUERY_RULES.project_id;
}
