import { describe, expect, it } from 'vitest';
import {
  DASHBOARD_ROUTES,
  filterQuery,
  GCORE_V3_ROUTES,
  matchRoute,
  misshapenParam,
  routesFor,
  UNDECIDED_ROUTES,
} from './route-table';

const KEY = '5f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0';

describe('the dashboard’s allow-list (v2)', () => {
  it.each([
    ['GET', '/cloud/v2/inference/api_keys'],
    ['POST', '/cloud/v2/inference/api_keys'],
    ['GET', `/cloud/v2/inference/api_keys/${KEY}`],
    ['PATCH', `/cloud/v2/inference/api_keys/${KEY}`],
    ['DELETE', `/cloud/v2/inference/api_keys/${KEY}`],
    ['GET', '/cloud/v2/inference/deployments'],
    ['GET', '/cloud/v1/projects'],
  ])('allows %s %s', (method, path) => {
    expect(matchRoute(DASHBOARD_ROUTES, method, path)).toBeDefined();
  });

  it.each([
    ['PUT', '/cloud/v1/projects'],
    ['HEAD', '/cloud/v1/projects'],
    ['OPTIONS', '/cloud/v2/inference/api_keys'],
    ['DELETE', '/cloud/v2/inference/api_keys'],
    ['POST', `/cloud/v2/inference/api_keys/${KEY}`],
    ['GET', '/cloud/v2/inference/api_keys/abc'],
    ['GET', `/cloud/v2/inference/api_keys/${KEY}/secret`],
    ['GET', '/cloud/v1/projects/1'],
    ['DELETE', '/cloud/v1/projects'],
    ['GET', '/cloud/v1/instances/1/2'],
    ['GET', '/cloud/v1/users'],
    ['GET', '/cloud/v3/inference/1/api_keys'],
    ['GET', '/cloud'],
  ])('refuses %s %s', (method, path) => {
    expect(matchRoute(DASHBOARD_ROUTES, method, path)).toBeUndefined();
  });

  it('names the param that made a listed call miss, for a 404 instead of a 403', () => {
    expect(
      misshapenParam(DASHBOARD_ROUTES, 'DELETE', '/cloud/v2/inference/api_keys/abc')?.param,
    ).toBe('key_id');
    expect(
      misshapenParam(DASHBOARD_ROUTES, 'GET', `/cloud/v2/inference/api_keys/${KEY}`)?.param,
    ).toBe(undefined);
    expect(misshapenParam(DASHBOARD_ROUTES, 'PUT', '/cloud/v2/inference/api_keys/abc')).toBe(
      undefined,
    );
  });

  it('keeps only the query parameters the dashboard sends, as they were encoded', () => {
    const rule = matchRoute(DASHBOARD_ROUTES, 'GET', '/cloud/v2/inference/api_keys')?.rule;
    const query = 'project_id=1&limit=10&client_id=9&offset=0&order_by=name.asc&x=%26y';
    expect(filterQuery(query, rule?.query)).toBe(
      'project_id=1&limit=10&offset=0&order_by=name.asc',
    );
    expect(filterQuery('limit=1', undefined)).toBe('');
  });
});

describe('the v3 rows, ready for the next issue', () => {
  it.each([
    ['GET', '/cloud/v3/inference/42/api_keys', { project_id: '42' }],
    ['DELETE', '/cloud/v3/inference/42/api_keys/ci-key', { project_id: '42', name: 'ci-key' }],
    ['PATCH', '/cloud/v3/inference/42/deployments/llama-3', { deployment_name: 'llama-3' }],
    ['GET', `/cloud/v1/tasks/${KEY}`, { task_id: KEY }],
  ])('matches %s %s with its params', (method, path, params) => {
    expect(matchRoute(GCORE_V3_ROUTES, method, path)?.params).toMatchObject(params);
  });

  it.each([
    ['GET', '/cloud/v3/inference/0/api_keys'],
    ['GET', '/cloud/v3/inference/abc/api_keys'],
    ['GET', '/cloud/v3/inference/42/api_keys/Upper_Case'],
    ['DELETE', '/cloud/v3/inference/42/deployments/llama-3'],
  ])('refuses %s %s', (method, path) => {
    expect(matchRoute(GCORE_V3_ROUTES, method, path)).toBeUndefined();
  });

  it('lets a deployment PATCH change its key bindings and nothing else', () => {
    const rule = matchRoute(GCORE_V3_ROUTES, 'PATCH', '/cloud/v3/inference/42/deployments/d')?.rule;
    expect(rule?.audit).toBe('bind');
    const contract = rule?.body?.contract;
    expect(contract?.safeParse({ api_keys: ['prod-chat'] }).success).toBe(true);
    expect(contract?.safeParse({ api_keys: ['prod-chat'], image: 'evil' }).success).toBe(false);
    expect(contract?.safeParse({ api_keys: null }).success).toBe(false);
    expect(contract?.safeParse(['api_keys']).success).toBe(false);
  });
});

describe('routesFor: least privilege per generation', () => {
  it.each([
    ['v2', 'GET', `/cloud/v2/inference/api_keys/${KEY}`, true],
    ['v2', 'GET', '/cloud/v3/inference/1/api_keys/my-key', false],
    ['v2', 'GET', `/cloud/v1/tasks/${KEY}`, false],
    ['v3', 'GET', '/cloud/v3/inference/1/api_keys/my-key', true],
    ['v3', 'PATCH', '/cloud/v3/inference/1/deployments/llama', true],
    ['v3', 'GET', `/cloud/v1/tasks/${KEY}`, true],
    ['v3', 'DELETE', `/cloud/v2/inference/api_keys/${KEY}`, false],
    ['v3', 'GET', '/cloud/v2/inference/deployments', false],
  ] as const)('%s: %s %s forwarded: %s', (generation, method, path, allowed) => {
    expect(matchRoute(routesFor(generation), method, path) !== undefined).toBe(allowed);
  });

  it('lets both list projects, and nothing else before the generation is known', () => {
    for (const generation of ['v2', 'v3'] as const) {
      expect(matchRoute(routesFor(generation), 'GET', '/cloud/v1/projects')).toBeDefined();
    }
    expect(UNDECIDED_ROUTES.map((rule) => `${rule.method} ${rule.template}`)).toEqual([
      'GET /cloud/v1/projects',
    ]);
  });
});

describe('body contracts', () => {
  it('refuses, on every row with a body, a field the dashboard never sends', () => {
    const rows = [...DASHBOARD_ROUTES, ...GCORE_V3_ROUTES].filter((rule) => rule.body);
    expect(rows).toHaveLength(5);
    for (const rule of rows) {
      const result = rule.body?.contract.safeParse({ is_admin: true });
      expect(result?.error?.issues, rule.template).toContainEqual(
        expect.objectContaining({ code: 'unrecognized_keys', keys: ['is_admin'] }),
      );
    }
  });
});
