import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUESTED_BY_HEADER, REQUESTED_BY_VALUE } from '../../src/lib/request-header.ts';
import { sendFromDashboard } from './send-raw-request.ts';
import { ATTACK_CASES, runAttack } from './attack-cases.ts';
import { startFakeUpstream, type FakeUpstream } from './fake-upstream.ts';
import { describeAuditLines, type SendSameOrigin } from './gateway-audit-suite.ts';
import { SSO_AUDIT_ENV } from './sso-test-settings.ts';
import type { Front, FrontOptions } from './test-fronts.ts';

const KEYS = '/cloud/v2/inference/api_keys';
const SERVER_TOKEN = 'server-token-9c1f';
/** The dashboard's header as a raw request line. */
const PAGE_LINE = `${REQUESTED_BY_HEADER}: ${REQUESTED_BY_VALUE}\r\n`;

const auditLinesSince = (front: Front, index: number) =>
  front.lines
    .slice(index)
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((entry) => entry.type === 'audit');

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
  let sharedV3: Front;
  let sso: Front;
  beforeAll(async () => {
    upstream = await startFakeUpstream();
    const url = upstream.url;
    shared = await start({ upstreamUrl: url, token: SERVER_TOKEN });
    sso = await start({ upstreamUrl: url, token: SERVER_TOKEN, auditEnv: SSO_AUDIT_ENV });
    personal = await start({ upstreamUrl: url, token: undefined });
    sharedV3 = await start({ upstreamUrl: url, token: SERVER_TOKEN, apiVersion: 'v3' });
  }, 60_000);
  afterAll(async () => {
    await Promise.all([shared?.close(), personal?.close(), sharedV3?.close(), sso?.close()]);
    await upstream?.close();
  });
  const write: SendSameOrigin = (front, method, target, headers = {}, body) =>
    sendFromDashboard(front.port, { method, target, headers, body });
  describe(`the attack table against the ${kind} server`, () => {
    it.each(ATTACK_CASES.map((attack) => [`${attack.kind}: ${attack.name}`, attack] as const))(
      '%s',
      async (_name, attack) => {
        const fronts = { v2: shared, v3: sharedV3, sso };
        const front = fronts[attack.server ?? 'v2'];
        const linesBefore = front.lines.length;
        const { response, reached, bodies } = await runAttack(attack, front.port, upstream);
        const status = typeof attack.status === 'number' ? attack.status : attack.status[kind];
        expect(response.status).toBe(status);
        expect(reached, 'calls that reached the upstream').toBe(attack.reaches);
        if (attack.forwarded !== undefined) expect(bodies).toEqual([attack.forwarded]);
        if (attack.audit) {
          const written = () => auditLinesSince(front, linesBefore);
          await expect.poll(() => written().length).toBeGreaterThan(0);
          expect(written()).toEqual([expect.objectContaining(attack.audit)]);
        }
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

    it('asks the API for plain answers, never compressed ones', async () => {
      await write(shared, 'GET', '/cloud/v1/projects', { 'accept-encoding': 'gzip, br' });
      expect(upstream.seen.at(-1)?.headers['accept-encoding']).toBe('identity');
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

    it('forwards a task a deployment PATCH through this server answered with', async () => {
      const deployment = '/cloud/v3/inference/1/deployments/llama';
      const patch = await write(sharedV3, 'PATCH', deployment, {}, '{"api_keys":["prod-chat"]}');
      const { tasks } = JSON.parse(patch.body) as { tasks: string[] };
      const task = `/cloud/v1/tasks/${tasks[0] ?? ''}`;
      const reached = upstream.seen.length;
      expect((await write(sharedV3, 'GET', task)).status).toBe(200);
      expect(upstream.seen.slice(reached).map((call) => call.url)).toEqual([task]);
    });

    it('takes a JSON body of exactly 64 KiB and forwards its value re-serialised', async () => {
      const body = JSON.stringify({ name: 'k', description: 'x'.repeat(64 * 1024 - 30) }).padEnd(
        64 * 1024,
        ' ',
      );
      const response = await write(shared, 'POST', KEYS, {}, body);
      expect(response.status).toBe(200);
      expect(upstream.seen.at(-1)?.body).toBe(body.trimEnd());
    });
  });

  it(`logs a browser that went away at info level, not as an error (${kind})`, async () => {
    upstream.mood = 'hangs';
    const before = shared.lines.length;
    const reached = upstream.seen.length;
    const socket = connect(shared.port, '127.0.0.1', () =>
      socket.write(
        `GET /cloud/v1/projects HTTP/1.1\r\nhost: 127.0.0.1:${shared.port}\r\nsec-fetch-site: same-origin\r\n${PAGE_LINE}\r\n`,
      ),
    );
    socket.on('error', () => {});
    const written = () =>
      shared.lines
        .slice(before)
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .filter((entry) => entry.type === 'upstream');
    try {
      // Closed once the call is at the API, waiting for its answer: the page was closed.
      await expect.poll(() => upstream.seen.length).toBeGreaterThan(reached);
      socket.destroy();
      await expect.poll(written).not.toEqual([]);
      expect(written()).toEqual([
        expect.objectContaining({ level: 'info', failure: 'client closed the connection' }),
      ]);
    } finally {
      socket.destroy();
      upstream.mood = 'fine';
    }
  });

  it(`audits a create the browser abandoned mid-body (${kind})`, async () => {
    const before = shared.lines.length;
    const reached = upstream.seen.length;
    const socket = connect(shared.port, '127.0.0.1', () =>
      socket.write(
        `POST ${KEYS} HTTP/1.1\r\nhost: 127.0.0.1:${shared.port}\r\nsec-fetch-site: same-origin\r\n${PAGE_LINE}content-type: application/json\r\ncontent-length: 100\r\n\r\n{"name":`,
        () => socket.destroy(),
      ),
    );
    socket.on('error', () => {});
    await expect.poll(() => auditLinesSince(shared, before)).not.toEqual([]);
    expect(auditLinesSince(shared, before)).toEqual([
      expect.objectContaining({ action: 'create', status: 499 }),
    ]);
    expect(upstream.seen.length).toBe(reached);
  });

  describeAuditLines(kind, () => ({ shared, personal, sso }), write);
}
