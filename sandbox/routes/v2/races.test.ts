// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import { createdApiKeySchema } from '../../../src/features/api-keys/api/api-key-schemas';
import { gcoreErrorBodySchema } from '../../../src/lib/api-error-schema';
import { listAllKeys, resetSandbox, sandboxOverHttpForFile } from '../../testing/http-test-client';
import { DEPLOYMENTS, KEYS } from '../../testing/sandbox-test-client';

// Over real HTTP on 127.0.0.1: many requests in flight at once, each test bounded in size and time.
const TIMEOUT = { timeout: 15_000 };
const PROJECT = 2;
const SECRET = /^[A-Za-z0-9_-]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const http = sandboxOverHttpForFile();
const { call } = http;
beforeEach(() => resetSandbox(http.server));

describe('concurrent creates', TIMEOUT, () => {
  it('creates 200 distinct keys at once, each with its own id and a strong secret', async () => {
    const before = await listAllKeys(call, PROJECT);
    const names = Array.from({ length: 200 }, (_, i) => `race-${i}`);
    const responses = await Promise.all(
      names.map((name) => call('POST', KEYS, { name, project_id: PROJECT })),
    );

    expect(responses.map((r) => r.status)).toEqual(names.map(() => 200));
    const created = responses.map((r) => createdApiKeySchema.parse(r.json));
    expect(new Set(created.map((k) => k.name))).toEqual(new Set(names));
    const secrets = created.map((k) => k.secret);
    expect(new Set(secrets).size).toBe(200);
    for (const secret of secrets) {
      expect(secret).toMatch(SECRET);
      // base64url of n bytes is ceil(4n/3) characters unpadded: 32 bytes → 43.
      expect(secret.length).toBeGreaterThanOrEqual(43);
      expect(Buffer.from(secret, 'base64url').length).toBeGreaterThanOrEqual(32);
    }
    const ids = created.map((k) => k.key_id);
    expect(new Set(ids).size).toBe(200);
    for (const id of ids) expect(id).toMatch(UUID);

    const after = await listAllKeys(call, PROJECT);
    expect(after.count).toBe(before.count + 200);
    const listed = after.results.filter((k) => k.name.startsWith('race-'));
    expect(listed).toHaveLength(200);
    expect(new Set(listed.map((k) => k.key_id))).toEqual(new Set(ids));
    // The secret is shown once, in the create response, and never listed.
    expect(JSON.stringify(after)).not.toMatch(new RegExp(secrets.slice(0, 20).join('|')));
  });

  it('lets exactly one of 50 same-name creates win; the other 49 get a 409', async () => {
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        call('POST', KEYS, { name: 'contested', description: `attempt ${i}`, project_id: PROJECT }),
      ),
    );

    const winners = responses.filter((r) => r.status === 200);
    const conflicts = responses.filter((r) => r.status === 409);
    expect(winners).toHaveLength(1);
    expect(conflicts).toHaveLength(49);
    for (const res of conflicts) {
      const body = gcoreErrorBodySchema.parse(res.json);
      expect(body.exception_class).toBe('ConflictError');
      expect(body.message).toContain('contested');
      expect(body.request_id).toBe(res.headers.get('x-request-id'));
    }
    expect(new Set(conflicts.map((r) => r.headers.get('x-request-id'))).size).toBe(49);

    const winner = createdApiKeySchema.parse(winners[0]?.json);
    const listed = (await listAllKeys(call, PROJECT)).results.filter((k) => k.name === 'contested');
    expect(listed.map((k) => k.key_id)).toEqual([winner.key_id]);
    expect(listed[0]?.description).toBe(winner.description);
  });
});

describe('a fault armed for 10 requests in a burst of 30', TIMEOUT, () => {
  it('answers exactly 10 of them with the fault and lets the other 20 through', async () => {
    const before = await listAllKeys(call, PROJECT);
    // Armed over HTTP, as a browser test would; it matches keys and deployments, any method.
    const armed = await fetch(`${http.server.url}/__sandbox/faults`, {
      method: 'POST',
      body: JSON.stringify({ path: '/cloud/v2/inference', status: 503, times: 10 }),
    });
    expect(armed.status).toBe(201);

    const requests = Array.from({ length: 30 }, (_, i) => {
      if (i % 3 === 0) return call('POST', KEYS, { name: `burst-${i}`, project_id: PROJECT });
      if (i % 3 === 1) return call('GET', `${KEYS}?project_id=${PROJECT}`);
      return call('GET', `${DEPLOYMENTS}?project_id=${PROJECT}`);
    });
    const responses = await Promise.all(requests);

    const faulted = responses.filter((r) => r.status === 503);
    expect(faulted).toHaveLength(10);
    expect(responses.filter((r) => r.status === 200)).toHaveLength(20);
    for (const res of faulted) {
      const body = gcoreErrorBodySchema.parse(res.json);
      expect(body.message).toBe('Injected fault: HTTP 503');
      expect(body.request_id).toBe(res.headers.get('x-request-id'));
    }
    expect(http.server.sandbox.faults.list()).toEqual([]);
    const log = http.server.sandbox.requestLog.entries();
    expect(log.filter((entry) => entry.faultId !== null)).toHaveLength(10);

    // A faulted create never reached the handler: only the creates that got a 200 exist.
    const createdOk = responses.filter((r, i) => i % 3 === 0 && r.status === 200).length;
    const after = await listAllKeys(call, PROJECT);
    expect(after.count).toBe(before.count + createdOk);
  });
});
