import {
  V2_CREATE_BODY,
  V2_UPDATE_BODY,
  V3_CREATE_BODY,
  V3_DEPLOYMENT_KEYS_BODY,
  V3_UPDATE_BODY,
  type BodyContract,
} from './body-contracts.ts';

/**
 * What the shared token may be used for: exactly the calls the dashboard makes, as data. A call
 * that matches no row is refused and never forwarded; adding a call means adding a row (and a
 * test in route-table.test.ts).
 */
export type AuditAction =
  | 'create'
  | 'update'
  | 'delete'
  | 'bind'
  | 'read-task'
  /** A write that matches no row of any generation: refused, and on record. */
  | 'unlisted-write';

export type RouteRule = {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Literal segments and `{param}` segments; each param's shape is in PARAM_SHAPES. */
  template: string;
  /** The query parameters forwarded; any other is dropped before forwarding. */
  query?: readonly string[];
  /** Present: the call has a JSON body, parsed with this contract; only its value is forwarded. */
  body?: { contract: BodyContract };
  /** Writes one audit line per call. */
  audit?: AuditAction;
  /** Forwarded only for a task a deployment PATCH through this server started (task-memory.ts). */
  knownTasksOnly?: true;
};

/** Every `{param}` a template may use: a segment that fails its shape matches no route. */
export const PARAM_SHAPES: Record<string, RegExp> = {
  key_id: /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
  task_id: /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
  project_id: /^[1-9][0-9]{0,17}$/,
  // Gcore's resource names: lower-case letters, digits and dashes.
  name: /^[a-z0-9][a-z0-9-]{0,62}$/,
  deployment_name: /^[a-z0-9][a-z0-9-]{0,62}$/,
};

/** Both generations list projects (and sign-in checks a token with it): v1, shared. */
export const PROJECTS_ROUTE: RouteRule = {
  method: 'GET',
  template: '/cloud/v1/projects',
  query: ['limit', 'offset', 'order_by'],
};

const LIST_QUERY = ['project_id', 'limit', 'offset', 'order_by'] as const;
const V2_KEYS = '/cloud/v2/inference/api_keys';

/** Gcore Inference v2, as the dashboard calls it today (src/features/*\/api). */
export const DASHBOARD_ROUTES: readonly RouteRule[] = [
  { method: 'GET', template: V2_KEYS, query: LIST_QUERY },
  { method: 'POST', template: V2_KEYS, body: { contract: V2_CREATE_BODY }, audit: 'create' },
  { method: 'GET', template: `${V2_KEYS}/{key_id}` },
  {
    method: 'PATCH',
    template: `${V2_KEYS}/{key_id}`,
    body: { contract: V2_UPDATE_BODY },
    audit: 'update',
  },
  { method: 'DELETE', template: `${V2_KEYS}/{key_id}`, audit: 'delete' },
  { method: 'GET', template: '/cloud/v2/inference/deployments', query: LIST_QUERY },
  PROJECTS_ROUTE,
];

const V3 = '/cloud/v3/inference/{project_id}';

/**
 * Gcore Inference v3's key calls (keys by name, deployments bound by PATCH, their tasks). A
 * deployment PATCH may only bind keys (`api_keys`), never change what the deployment runs.
 */
export const GCORE_V3_ROUTES: readonly RouteRule[] = [
  { method: 'GET', template: `${V3}/api_keys`, query: ['limit', 'offset', 'order_by'] },
  {
    method: 'POST',
    template: `${V3}/api_keys`,
    body: { contract: V3_CREATE_BODY },
    audit: 'create',
  },
  { method: 'GET', template: `${V3}/api_keys/{name}` },
  {
    method: 'PATCH',
    template: `${V3}/api_keys/{name}`,
    body: { contract: V3_UPDATE_BODY },
    audit: 'update',
  },
  { method: 'DELETE', template: `${V3}/api_keys/{name}`, audit: 'delete' },
  { method: 'GET', template: `${V3}/deployments`, query: ['limit', 'offset', 'order_by'] },
  { method: 'GET', template: `${V3}/deployments/{deployment_name}` },
  {
    method: 'PATCH',
    template: `${V3}/deployments/{deployment_name}`,
    body: { contract: V3_DEPLOYMENT_KEYS_BODY },
    audit: 'bind',
  },
  { method: 'GET', template: '/cloud/v1/tasks/{task_id}', knownTasksOnly: true },
];

/** What a v3 dashboard calls: the v3 rows plus the projects list. */
export const DASHBOARD_V3_ROUTES: readonly RouteRule[] = [...GCORE_V3_ROUTES, PROJECTS_ROUTE];

/** The calls forwarded before the generation is known: nothing that touches a key. */
export const UNDECIDED_ROUTES: readonly RouteRule[] = [PROJECTS_ROUTE];

/**
 * Least privilege per generation: a v2 server forwards no v3 call and the other way round.
 * `null` (not decided yet) gives every row, for matching only: the gateway forwards just
 * UNDECIDED_ROUTES until the generation is known (cloud-gateway.ts).
 */
export function routesFor(generation: 'v2' | 'v3' | null): readonly RouteRule[] {
  if (generation === 'v2') return DASHBOARD_ROUTES;
  if (generation === 'v3') return DASHBOARD_V3_ROUTES;
  return [...DASHBOARD_ROUTES, ...GCORE_V3_ROUTES];
}

export type RouteMatch = { rule: RouteRule; params: Record<string, string> };

/** The row `method` and the canonical `path` match, with the path's params, or `undefined`. */
export function matchRoute(
  routes: readonly RouteRule[],
  method: string,
  path: string,
): RouteMatch | undefined {
  const segments = path.split('/');
  for (const rule of routes) {
    if (rule.method !== method) continue;
    const params = matchTemplate(rule.template.split('/'), segments);
    if (params && !('misshapen' in params)) return { rule, params };
  }
  return undefined;
}

/**
 * The param that made an otherwise listed call miss (`GET …/api_keys/not-a-uuid`), so it can be
 * answered 404 — no such key can exist — as the page expects of a hand-edited link.
 */
export function misshapenParam(
  routes: readonly RouteRule[],
  method: string,
  path: string,
): { rule: RouteRule; param: string } | undefined {
  const segments = path.split('/');
  for (const rule of routes) {
    if (rule.method !== method) continue;
    const params = matchTemplate(rule.template.split('/'), segments);
    if (params && 'misshapen' in params) return { rule, param: params.misshapen };
  }
  return undefined;
}

function matchTemplate(template: string[], segments: string[]) {
  if (template.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  let misshapen: string | undefined;
  for (const [index, part] of template.entries()) {
    const segment = segments[index] ?? '';
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    if (name === undefined) {
      if (part !== segment) return undefined;
      continue;
    }
    const shape = PARAM_SHAPES[name];
    if (!shape) throw new Error(`No shape for {${name}} in the route table`);
    if (!shape.test(segment)) misshapen ??= name;
    params[name] = segment;
  }
  return misshapen === undefined ? params : { misshapen };
}

/** The query with only `allowed` names, in their original order and encoding. */
export function filterQuery(query: string, allowed: readonly string[] = []): string {
  if (query === '') return '';
  return query
    .split('&')
    .filter((pair) => allowed.includes(safeDecode(pair.split('=', 1)[0] ?? '')))
    .join('&');
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    return '';
  }
}
