// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { gcoreErrorBodySchema } from '../../src/lib/api-error-schema';
import { createSandbox } from '../create-sandbox';
import { KEYS, PROJECTS, sandboxCaller } from '../testing/sandbox-test-client';

const REQUEST_ID = /^[0-9a-f]{32}$/;

describe('authentication', () => {
  const sandbox = createSandbox();
  const call = sandboxCaller(sandbox);

  it('answers 401 NotAuthenticated when no Authorization header is sent', async () => {
    const res = await call('GET', PROJECTS, { authorization: null });
    expect(res.status).toBe(401);
    const body = gcoreErrorBodySchema.parse(res.json);
    expect(body.exception_class).toBe('NotAuthenticated');
    expect(body.message).toBe('Authentication credentials were not provided.');
    expect(body.request_id).toMatch(REQUEST_ID);
    expect(res.headers.get('X-Request-ID')).toBe(body.request_id);
  });

  it('answers "Bad permanent token" for a wrong token without echoing it', async () => {
    const res = await call('GET', PROJECTS, { authorization: 'APIKey wrong-token-4711' });
    expect(res.status).toBe(401);
    const body = gcoreErrorBodySchema.parse(res.json);
    expect(body.message).toMatch(/^Bad permanent token: /);
    expect(res.text).not.toContain('wrong-token-4711');
  });

  it('rejects a permanent token sent as Bearer', async () => {
    const res = await call('GET', KEYS, { authorization: `Bearer ${sandbox.token}` });
    expect(res.status).toBe(401);
    expect(gcoreErrorBodySchema.parse(res.json).message).toBe(
      'Given token not valid for any token type',
    );
    expect(res.text).not.toContain(sandbox.token);
  });

  it.each(['apikey', 'APIKEY', 'ApiKey'])('accepts the scheme word written %s', async (scheme) => {
    const res = await call('GET', PROJECTS, { authorization: `${scheme} ${sandbox.token}` });
    expect(res.status).toBe(200);
  });

  it.each([
    ['two spaces', `APIKey  sandbox-token`],
    ['no token', 'APIKey'],
    ['no space', 'APIKeysandbox-token'],
    ['trailing text', 'APIKey sandbox-token extra'],
    ['another scheme', 'Basic c2FuZGJveA=='],
  ])('rejects a malformed header (%s)', async (_label, header) => {
    const res = await call('GET', PROJECTS, { authorization: header });
    expect(res.status).toBe(401);
    expect(gcoreErrorBodySchema.parse(res.json).exception_class).toBe('NotAuthenticated');
  });

  it('uses the token it was created with', async () => {
    const custom = sandboxCaller(createSandbox({ token: 'other-token' }));
    expect((await custom('GET', PROJECTS)).status).toBe(200);
    expect((await custom('GET', PROJECTS, { authorization: 'APIKey sandbox-token' })).status).toBe(
      401,
    );
  });

  it('refuses an empty token at creation', () => {
    expect(() => createSandbox({ token: '' })).toThrow();
  });

  it('checks auth before routing, so an unknown /cloud path without a token is 401', async () => {
    expect((await call('GET', '/cloud/v9/unknown', { authorization: null })).status).toBe(401);
  });

  it('lets the /__sandbox controls through without a token', async () => {
    expect((await call('GET', '/__sandbox/requests', { authorization: null })).status).toBe(200);
  });
});

describe('error shape for routing errors', () => {
  const call = sandboxCaller(createSandbox());

  it('answers an unknown path with 404 NotFoundError in the Gcore shape', async () => {
    for (const path of ['/cloud/v2/inference/nothing', '/elsewhere']) {
      const res = await call('GET', path);
      expect(res.status).toBe(404);
      const body = gcoreErrorBodySchema.parse(res.json);
      expect(body.exception_class).toBe('NotFoundError');
      expect(body.request_id).toBe(res.headers.get('x-request-id'));
    }
  });

  it.each([
    ['PUT', KEYS],
    ['DELETE', KEYS],
    ['POST', `${KEYS}/5f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0`],
    ['POST', PROJECTS],
    ['DELETE', '/cloud/v2/inference/deployments'],
  ])('answers %s %s with 405 HTTPError', async (method, path) => {
    const res = await call(method, path, { body: {} });
    expect(res.status).toBe(405);
    expect(gcoreErrorBodySchema.parse(res.json).exception_class).toBe('HTTPError');
  });

  it('gives every response its own random request id', async () => {
    const ids = new Set<string | null>();
    for (let i = 0; i < 5; i++) ids.add((await call('GET', PROJECTS)).headers.get('x-request-id'));
    expect(ids.size).toBe(5);
    for (const id of ids) expect(id).toMatch(REQUEST_ID);
  });
});
