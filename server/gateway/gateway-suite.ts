import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendRawRequest } from '../send-raw-request.ts';
import { ATTACK_CASES, runAttack } from './attack-cases.ts';
import { startFakeUpstream, type FakeUpstream } from './fake-upstream.ts';
import type { Front, FrontOptions } from './test-fronts.ts';

const KEYS = '/cloud/v2/inference/api_keys';
const KEY_ID = '5f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0';
const SERVER_TOKEN = 'server-token-9c1f';

/**
 * Everything the gateway promises, run against one kind of server: the dev server and production
 * each call this, so neither can promise what the other does not keep.
 */
export function describeGateway(
  kind: 'dev' | 'production',
  start: (options: FrontOptions) => Promise<Front>,
) {
  let upstream: FakeUpstream;
  let shared: Front;
  let personal: Front;
  beforeAll(async () => {
    upstream = await startFakeUpstream();
    const url = upstream.url;
    shared = await start({
      upstreamUrl: url,
      token: SERVER_TOKEN,
      auditUserHeader: 'X-Auth-Request-Email',
    });
    personal = await start({ upstreamUrl: url, token: undefined });
  }, 60_000);
  afterAll(async () => {
    await Promise.all([shared?.close(), personal?.close()]);
    await upstream?.close();
  });
  const write = (
    front: Front,
    method: string,
    target: string,
    headers: Record<string, string> = {},
    body?: string,
  ) =>
    sendRawRequest(front.port, {
      method,
      target,
      headers: {
        'sec-fetch-site': 'same-origin',
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body,
    });
  const auditLines = (front: Front) =>
    front.lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((entry) => entry.type === 'audit');

  describe(`the attack table against the ${kind} server`, () => {
    it.each(ATTACK_CASES.map((attack) => [`${attack.kind}: ${attack.name}`, attack] as const))(
      '%s',
      async (_name, attack) => {
        const { response, reached } = await runAttack(attack, shared.port, upstream);
        const status = typeof attack.status === 'number' ? attack.status : attack.status[kind];
        expect(response.status).toBe(status);
        expect(reached, 'calls that reached the upstream').toBe(attack.reaches);
        if (
          response.headers['content-type'] === 'application/json' &&
          status >= 400 &&
          status !== 431
        ) {
          expect(JSON.parse(response.body)).toMatchObject({
            exception_class: expect.any(String),
            message: expect.any(String),
          });
        }
        attack.check?.(response);
      },
    );
  });

  it(`held: slow clients do not starve the ${kind} server`, async () => {
    // 100 connections trickling a request head, one byte at a time, never finishing it.
    const slow = Array.from({ length: 100 }, () => connect(shared.port, '127.0.0.1'));
    const drip = setInterval(() => slow.forEach((socket) => socket.write('X')), 100);
    slow.forEach((socket) => {
      socket.on('error', () => {});
      socket.write('GET /cloud/v1/projects HTTP/1.1\r\nhost: 127.0.0.1\r\nx-slow: ');
    });
    try {
      const started = performance.now();
      const response = await write(shared, 'GET', '/cloud/v1/projects');
      expect(response.status).toBe(200);
      expect(performance.now() - started).toBeLessThan(1000);
    } finally {
      clearInterval(drip);
      slow.forEach((socket) => socket.destroy());
    }
  });

  describe(`forwarding by the ${kind} server`, () => {
    it('puts the server token on the call, replacing the browser’s, and forwards no cookie', async () => {
      await write(shared, 'GET', '/cloud/v1/projects?limit=1000&order_by=name.asc&x=1', {
        authorization: 'APIKey stolen',
        cookie: 'a=b',
      });
      const call = upstream.seen.at(-1);
      expect(call?.url).toBe('/cloud/v1/projects?limit=1000&order_by=name.asc');
      expect(call?.headers.authorization).toBe(`APIKey ${SERVER_TOKEN}`);
      expect(call?.headers.cookie).toBeUndefined();
    });

    it('passes the user’s own Authorization in personal mode', async () => {
      await write(personal, 'GET', `${KEYS}?project_id=1&limit=10&offset=0&order_by=name.asc`, {
        authorization: 'APIKey own',
      });
      expect(upstream.seen.at(-1)).toMatchObject({
        url: `${KEYS}?project_id=1&limit=10&offset=0&order_by=name.asc`,
        headers: { authorization: 'APIKey own' },
      });
    });

    it('forwards a JSON body of exactly 64 KiB unchanged', async () => {
      const body = JSON.stringify({ name: 'k', description: 'x'.repeat(64 * 1024 - 30) }).padEnd(
        64 * 1024,
        ' ',
      );
      const response = await write(shared, 'POST', KEYS, {}, body);
      expect(response.status).toBe(200);
      expect(upstream.seen.at(-1)?.body).toBe(body);
    });
  });

  describe(`audit lines from the ${kind} server`, () => {
    it('names the user from the configured header, for create, update and delete', async () => {
      const email = { 'x-auth-request-email': 'ana@example.com' };
      await write(shared, 'POST', KEYS, email, '{"name":"ci-key","project_id":7,"secret":"no"}');
      await write(shared, 'PATCH', `${KEYS}/${KEY_ID}`, email, '{"description":"d"}');
      await write(shared, 'DELETE', `${KEYS}/${KEY_ID}`, email);
      const lines = auditLines(shared).slice(-3);
      expect(lines.map(({ action, user, status }) => ({ action, user, status }))).toEqual([
        { action: 'create', user: 'ana@example.com', status: 200 },
        { action: 'update', user: 'ana@example.com', status: 200 },
        { action: 'delete', user: 'ana@example.com', status: 200 },
      ]);
      expect(lines[0]).toMatchObject({
        project: '7',
        key_name: 'ci-key',
        upstream_request_id: 'upstream-id-5a1e',
      });
      expect(lines[0]?.request_id).toMatch(/^[0-9a-f]{32}$/);
      expect(lines[2]).toMatchObject({ key_id: KEY_ID });
      expect(shared.lines.join('\n')).not.toMatch(/server-token|"no"|secret/);
    });

    it('says "shared token" without the header, and records refused writes too', async () => {
      await write(shared, 'POST', KEYS, { 'sec-fetch-site': 'cross-site' }, '{"name":"csrf"}');
      expect(auditLines(shared).at(-1)).toMatchObject({
        user: 'shared token',
        action: 'create',
        status: 403,
        key_name: null,
      });
    });

    it('ignores an identity header nobody configured, and says "personal token"', async () => {
      await write(personal, 'DELETE', `${KEYS}/${KEY_ID}`, {
        'x-auth-request-email': 'forged@example.com',
        authorization: 'APIKey own',
      });
      expect(auditLines(personal).at(-1)).toMatchObject({
        user: 'personal token',
        action: 'delete',
      });
      expect(personal.lines.join('\n')).not.toContain('APIKey own');
    });

    it('writes no audit line for reads', async () => {
      const before = auditLines(shared).length;
      await write(shared, 'GET', `${KEYS}/${KEY_ID}`);
      expect(auditLines(shared)).toHaveLength(before);
    });
  });
}
