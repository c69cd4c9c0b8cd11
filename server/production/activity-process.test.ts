import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REQUESTED_BY } from '../../src/lib/request-header';
import { startFakeUpstream, type FakeUpstream } from '../testing/fake-upstream';
import { sendRawRequest } from '../testing/send-raw-request';
import { spawnProductionServer, type ProductionProcess } from '../testing/spawn-production-server';
import { startSsoProxy } from '../testing/sso-proxy';

const SECRET = 'ac71v17y-5ecret-1f2e3d4c5b6a7988';
const SIGNED_IN = 'bea@example.com';
const KEYS = '/cloud/v2/inference/api_keys';
const KEY_ID = '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b';

let upstream: FakeUpstream;
let proxy: Server;
let server: ProductionProcess;
beforeAll(async () => {
  upstream = await startFakeUpstream();
  proxy = await startSsoProxy(() => server.port, { user: SIGNED_IN, secret: SECRET });
  server = await spawnProductionServer({
    GCORE_API_URL: upstream.url,
    GCORE_API_KEY: 'server-token',
    GCORE_API_VERSION: 'v2',
    PUBLIC_ORIGIN: `http://127.0.0.1:${proxyPort()}`,
    AUDIT_USER_HEADER: 'X-Forwarded-Email',
    AUDIT_PROXY_SECRET: SECRET,
    DATA_DIR: 'memory://',
  });
}, 60_000);
afterAll(async () => {
  await server?.stop();
  proxy?.closeAllConnections();
  await new Promise((done) => proxy?.close(done));
  await upstream?.close();
});

const proxyPort = () => (proxy.address() as AddressInfo).port;
const send = (port: number, method: string, target: string, body?: unknown) =>
  sendRawRequest(port, {
    method,
    target,
    headers: {
      'sec-fetch-site': 'same-origin',
      ...REQUESTED_BY,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

type Listed = { results: Record<string, unknown>[] };

it('lists a scripted run of writes newest first, named as the SSO proxy vouched', async () => {
  expect((await send(proxyPort(), 'POST', KEYS, { name: 'ci-key', project_id: 1 })).status).toBe(
    200,
  );
  const update = await send(proxyPort(), 'PATCH', `${KEYS}/${KEY_ID}`, { description: 'CI' });
  expect(update.status).toBe(200);
  expect((await send(proxyPort(), 'DELETE', `${KEYS}/${KEY_ID}`)).status).toBe(200);
  // Around the proxy: no identity it vouched for, so refused and recorded as untrusted.
  const refused = await send(server.port, 'POST', KEYS, { name: 'sneaky-key', project_id: 1 });
  expect(refused.status).toBe(401);

  const read = async () => {
    const answer = await send(proxyPort(), 'GET', '/__app/activity?project_id=1');
    return (JSON.parse(answer.body) as Listed).results.map((event) => [
      event.action,
      event.user,
      event.status,
    ]);
  };
  // Stored after the answers, best effort: asked until all four are there.
  await expect.poll(read, { timeout: 20_000 }).toEqual([
    ['create', 'untrusted', 401],
    ['delete', SIGNED_IN, 200],
    ['update', SIGNED_IN, 200],
    ['create', SIGNED_IN, 200],
  ]);
  const byKey = await send(proxyPort(), 'GET', `/__app/activity?project_id=1&key=${KEY_ID}`);
  const actions = (JSON.parse(byKey.body) as Listed).results.map((event) => event.action);
  expect(actions).toEqual(['delete', 'update']);
  // The audit lines stay on stdout as they were.
  const audit = server.stdout.filter((line) => line.includes('"type":"audit"'));
  expect(audit).toHaveLength(4);
  expect(JSON.stringify(server.stdout)).not.toContain(SECRET);
}, 60_000);
