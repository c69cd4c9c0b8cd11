import { expect, it } from 'vitest';
import { REQUESTED_BY } from '../../src/lib/request-header';
import { sendRawRequest } from '../testing/send-raw-request';
import { useSsoProduction } from '../testing/sso-production';

const SECRET = 'ac71v17y-5ecret-1f2e3d4c5b6a7988';
const SIGNED_IN = 'bea@example.com';
const KEYS = '/cloud/v2/inference/api_keys';
const KEY_ID = '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b';

const sso = useSsoProduction({
  user: SIGNED_IN,
  secret: SECRET,
  env: { DATA_DIR: 'memory://' },
  startupMs: 60_000,
});
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
  expect((await send(sso.proxyPort, 'POST', KEYS, { name: 'ci-key', project_id: 1 })).status).toBe(
    200,
  );
  const update = await send(sso.proxyPort, 'PATCH', `${KEYS}/${KEY_ID}`, { description: 'CI' });
  expect(update.status).toBe(200);
  expect((await send(sso.proxyPort, 'DELETE', `${KEYS}/${KEY_ID}`)).status).toBe(200);
  // Around the proxy: no identity it vouched for, so refused and recorded as untrusted.
  const refused = await send(sso.server.port, 'POST', KEYS, { name: 'sneaky-key', project_id: 1 });
  expect(refused.status).toBe(401);

  const read = async () => {
    const answer = await send(sso.proxyPort, 'GET', '/__app/activity?project_id=1');
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
  const byKey = await send(sso.proxyPort, 'GET', `/__app/activity?project_id=1&key=${KEY_ID}`);
  const actions = (JSON.parse(byKey.body) as Listed).results.map((event) => event.action);
  expect(actions).toEqual(['delete', 'update']);
  // The audit lines stay on stdout as they were.
  const audit = sso.server.stdout.filter((line) => line.includes('"type":"audit"'));
  expect(audit).toHaveLength(4);
  expect(JSON.stringify(sso.server.stdout)).not.toContain(SECRET);
}, 60_000);
