// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { gcoreErrorBodySchema } from '../src/lib/api-error-schema';
import { createSandbox } from '../sandbox/create-sandbox';
import { DEPLOYMENTS, KEYS, PROJECTS, sandboxCaller } from '../sandbox/testing/sandbox-test-client';
import { SEED_DEPLOYMENT_IDS as D } from '../sandbox/seed/deployments';

// The spec documents no error schema; the README does, and the app reads it with this zod schema.
const call = sandboxCaller(createSandbox());

describe('error bodies have the documented shape', () => {
  const cases: [
    string,
    string,
    string,
    { body?: unknown; authorization?: string | null },
    number,
    string,
  ][] = [
    ['no token', 'GET', PROJECTS, { authorization: null }, 401, 'NotAuthenticated'],
    ['Bearer token', 'GET', KEYS, { authorization: 'Bearer abc' }, 401, 'NotAuthenticated'],
    [
      'invalid body',
      'POST',
      KEYS,
      { body: { name: 'No', expires_at: 'soon' } },
      400,
      'ValidationError',
    ],
    ['bad limit', 'GET', `${KEYS}?limit=5000`, {}, 400, 'ValidationError'],
    ['bad key id', 'GET', `${KEYS}/xyz`, {}, 400, 'ValidationError'],
    [
      'unknown key',
      'GET',
      `${KEYS}/0f0e0d0c-0b0a-4908-8706-050403020100`,
      {},
      404,
      'NotFoundError',
    ],
    ['unknown project', 'GET', `${DEPLOYMENTS}?project_id=42`, {}, 404, 'NotFoundError'],
    [
      'unknown deployment',
      'POST',
      KEYS,
      { body: { name: 'n', inference_instance_ids: [D.stagingMistral] } },
      404,
      'NotFoundError',
    ],
    ['duplicate name', 'POST', KEYS, { body: { name: 'mobile-app-prod' } }, 409, 'ConflictError'],
    ['wrong method', 'PUT', KEYS, { body: {} }, 405, 'HTTPError'],
    ['unknown path', 'GET', '/cloud/v3/nothing', {}, 404, 'NotFoundError'],
  ];

  it.each(cases)('%s', async (_label, method, path, options, status, exceptionClass) => {
    const res = await call(method, path, options);
    expect(res.status).toBe(status);
    const body = gcoreErrorBodySchema.parse(res.json);
    expect(body.exception_class).toBe(exceptionClass);
    expect(body.message.length).toBeGreaterThan(0);
    expect(body.request_id).toMatch(/^[0-9a-f]{32}$/);
    expect(res.headers.get('x-request-id')).toBe(body.request_id);
    if (exceptionClass === 'ValidationError') {
      expect(Object.keys(body.invalid_fields ?? {}).length).toBeGreaterThan(0);
      expect(body.message).toMatch(/^Validation Error: /);
    } else {
      expect(body.invalid_fields).toBeUndefined();
    }
  });
});
