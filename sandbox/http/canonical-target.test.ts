// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { gcoreErrorBodySchema } from '../../src/lib/api-error-schema';
import { sendRawRequest } from '../../server/testing/send-raw-request';
import { checkTarget } from '../../shared/http/canonical-target';
import { createSandbox } from '../create-sandbox';
import { startSandboxServer, type SandboxServer } from '../server';
import { type HttpCall, httpCaller, listAllKeys } from '../testing/http-test-client';
import { KEYS, PROJECTS, sandboxCaller } from '../testing/sandbox-test-client';

// Each of these once reached the key routes while the token check, looking at the raw path, saw
// no `/cloud/` and waved it through: a POST without a token created a key and returned its secret.
const SNEAKY_TARGETS = [
  '/%63loud/v2/inference/api_keys',
  '/./cloud/v2/inference/api_keys',
  '/x/../cloud/v2/inference/api_keys',
  '//cloud/v2/inference/api_keys',
  '/cloud/v2/inference/%61pi_keys',
  '/cloud/v2/inference/%2e/api_keys',
  '/cloud/v2/inference/x/%2e%2e/api_keys',
  '/cloud%2fv2%2finference%2fapi_keys',
  // A dot segment to servers that strip matrix parameters: the gateway refuses it, so must we.
  '/cloud/v2/inference/..;/api_keys',
  '/cloud/v2/inference/api_keys?project_id=1#',
  'http://127.0.0.1/cloud/v2/inference/api_keys',
];

let server: SandboxServer;
let call: HttpCall;
beforeAll(async () => {
  server = await startSandboxServer({ token: 'canonical-token' });
  call = httpCaller(server);
});
afterAll(() => server.close());
beforeEach(() => server.sandbox.reset());

describe('request targets over HTTP', () => {
  it.each(SNEAKY_TARGETS)(
    'refuses POST %s without a token, and creates nothing',
    async (target) => {
      const res = await sendRawRequest(server.port, {
        method: 'POST',
        target,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'sneaky-key' }),
      });
      expect([400, 401]).toContain(res.status);
      expect(res.body).not.toContain('secret');
      const names = (await listAllKeys(call, 1)).results.map((key) => key.name);
      expect(names).not.toContain('sneaky-key');
    },
  );

  it.each(SNEAKY_TARGETS.filter((t) => t.startsWith('/') && !t.endsWith('#')))(
    'answers %s with a 400 in Gcore’s shape even with the token',
    async (target) => {
      const res = await sendRawRequest(server.port, {
        method: 'GET',
        target,
        headers: { authorization: `APIKey ${server.token}` },
      });
      expect(res.status).toBe(400);
      const body = gcoreErrorBodySchema.parse(JSON.parse(res.body));
      expect(body.exception_class).toBe('ValidationError');
      expect(res.headers['x-request-id']).toBe(body.request_id);
      expect(server.sandbox.requestLog.entries()).toEqual([]);
    },
  );

  it('still serves the canonical target, with its query', async () => {
    const res = await sendRawRequest(server.port, {
      method: 'GET',
      target: `${KEYS}?project_id=2&name=a%20b`,
      headers: { authorization: `APIKey ${server.token}` },
    });
    expect(res.status).toBe(200);
  });

  it('needs the token on every path but the control routes', async () => {
    for (const [method, target] of [
      ['GET', '/elsewhere'],
      ['GET', '/'],
      ['PUT', '/__sandbox/health'],
      ['POST', '/__sandbox/unknown'],
    ]) {
      const res = await sendRawRequest(server.port, {
        method: method ?? 'GET',
        target: target ?? '/',
      });
      expect({ target, status: res.status }).toEqual({ target, status: 401 });
    }
    const health = await sendRawRequest(server.port, {
      method: 'GET',
      target: '/__sandbox/health',
    });
    expect(health.status).toBe(200);
  });
});

describe('request targets in-process', () => {
  it('refuses a percent-encoded path before the token check', async () => {
    const inProcess = sandboxCaller(createSandbox());
    const res = await inProcess('GET', PROJECTS.replace('/cloud', '/%63loud'), {
      authorization: null,
    });
    expect(res.status).toBe(400);
    expect(gcoreErrorBodySchema.parse(res.json).exception_class).toBe('ValidationError');
  });
});

describe('the shared canonical-target rule, as the sandbox relies on it', () => {
  it.each([
    [KEYS, true],
    [`${KEYS}?limit=1&name=%2e%2e`, true],
    [`${KEYS}/`, true],
    ['/__sandbox/health', true],
    ['/', true],
    ['', false],
    ['*', false],
    ['/cloud/./v1', false],
    ['/cloud/v1/..', false],
    ['/cloud/v1/.', false],
    ['/cloud/a\\b', false],
    ['/cloud/%7e', false],
    ['/cloud//v1', false],
    ['/cloud/é', false],
    ['/cloud#x', false],
  ])('%j → %s', (target, canonical) => {
    expect(checkTarget(target).ok).toBe(canonical);
  });
});
