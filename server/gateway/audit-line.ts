import type { IncomingHttpHeaders } from 'node:http';
import { bindFields } from './bind-audit.ts';
import type { AuditAction } from './route-table.ts';

/** What a line is about: the action and the path's params (a matched row, or a refused call). */
export type AuditedMatch = { rule: { audit?: AuditAction }; params: Record<string, string> };

export type AuditInput = {
  match: AuditedMatch;
  method: string;
  headers: IncomingHttpHeaders;
  /** The parsed request body (bounded, already read), only to name the key; never logged. */
  body: unknown;
  /** Lower-case name of the trusted identity header, set by the operator; else unused. */
  userHeader: string | undefined;
  sharedToken: boolean;
  status: number;
  requestId: string;
  upstreamRequestId: string | undefined;
  /** A bind: the deployment's keys as last read through this server, if they were. */
  keysBefore?: readonly string[];
  /** Proven by the caller (a job of this server naming who started it); wins over any header. */
  trustedUser?: string;
};

/**
 * One line per write: who did what to which key, and how it ended. Names and ids only: never a
 * token, a secret or a body. The identity header counts only when the operator named it (an
 * SSO proxy in front sets it and strips any copy the browser sent).
 */
export function auditLine(input: AuditInput): string | undefined {
  const action = input.match.rule.audit;
  if (!action) return undefined;
  const { params } = input.match;
  // Only a create names its key and project in the body; any other write names them in its path,
  // the one thing the API acts on, so a body cannot put another key's name in the log.
  const body = action === 'create' && isRecord(input.body) ? input.body : {};
  const named = input.userHeader ? input.headers[input.userHeader] : undefined;
  const user = typeof named === 'string' && named !== '' ? named.slice(0, 256) : undefined;
  // A bind sends the deployment's whole list: the key is the one it adds or removes.
  const sent = action === 'bind' && isRecord(input.body) ? input.body.api_keys : undefined;
  const bind = action === 'bind' ? bindFields(sent, input.keysBefore) : undefined;
  return JSON.stringify({
    type: 'audit',
    time: new Date().toISOString(),
    user: input.trustedUser ?? user ?? (input.sharedToken ? 'shared token' : 'personal token'),
    action,
    ...(action === 'unlisted-write' ? { method: input.method.slice(0, 16) } : {}),
    project: params.project_id ?? scalar(body.project_id) ?? null,
    key_name: bind ? bind.key_name : (scalar(body.name) ?? params.name ?? null),
    key_id: params.key_id ?? null,
    ...(params.deployment_name ? { deployment: params.deployment_name } : {}),
    ...(params.task_id ? { task_id: params.task_id } : {}),
    ...(bind
      ? { api_keys: bind.api_keys, keys_added: bind.keys_added, keys_removed: bind.keys_removed }
      : {}),
    status: input.status,
    request_id: input.requestId,
    upstream_request_id: input.upstreamRequestId ?? null,
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function scalar(value: unknown): string | undefined {
  if (typeof value === 'string') return value.slice(0, 256);
  if (typeof value === 'number') return String(value);
  return undefined;
}
