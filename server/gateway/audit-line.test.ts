// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { auditLine } from './audit-line.ts';
import { DASHBOARD_ROUTES, DASHBOARD_V3_ROUTES, matchRoute } from './route-table.ts';

const KEY_ID = '5f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0';

const lineFor = (routes: typeof DASHBOARD_ROUTES, method: string, path: string, body: unknown) => {
  const match = matchRoute(routes, method, path);
  if (!match) throw new Error(`no row for ${method} ${path}`);
  const line = auditLine({
    match,
    method,
    body,
    identity: undefined,
    sharedToken: true,
    status: 200,
    requestId: 'r',
    upstreamRequestId: undefined,
  });
  return JSON.parse(line ?? '{}') as Record<string, unknown>;
};

describe('which key an audit line names', () => {
  it('takes the key and project of a v3 update or delete from the path, never the body', () => {
    const path = '/cloud/v3/inference/7/api_keys/prod-chat';
    const forged = { name: 'innocent-key', project_id: 99 };
    for (const method of ['PATCH', 'DELETE']) {
      expect(lineFor(DASHBOARD_V3_ROUTES, method, path, forged)).toMatchObject({
        key_name: 'prod-chat',
        project: '7',
      });
    }
  });

  it('names no key or project on a v2 update or delete that the path does not give', () => {
    const path = `/cloud/v2/inference/api_keys/${KEY_ID}`;
    const forged = { name: 'innocent-key', project_id: 99 };
    for (const method of ['PATCH', 'DELETE']) {
      expect(lineFor(DASHBOARD_ROUTES, method, path, forged)).toMatchObject({
        key_id: KEY_ID,
        key_name: null,
        project: null,
      });
    }
  });

  it('names a created key and its project from the validated body, the one forwarded', () => {
    const line = lineFor(DASHBOARD_ROUTES, 'POST', '/cloud/v2/inference/api_keys', {
      name: 'ci-key',
      project_id: 7,
    });
    expect(line).toMatchObject({ key_name: 'ci-key', project: '7', key_id: null });
  });
});
