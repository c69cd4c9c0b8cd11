import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from '../testing/fake-upstream.ts';
import { serverCaller } from '../testing/jobs-front.ts';
import { startDevFront, type Front } from '../testing/test-fronts.ts';

let upstream: FakeUpstream;
let front: Front;
beforeAll(async () => {
  upstream = await startFakeUpstream();
  front = await startDevFront({
    upstreamUrl: upstream.url,
    token: 'server-token',
    apiVersion: 'v3',
    jobs: true,
  });
}, 120_000);
afterAll(async () => {
  await front?.close();
  await upstream?.close();
});

it('a write through the dev gateway lands in the activity table, and its line on stdout stays', async () => {
  const call = serverCaller(front.port);
  const deleted = await call('DELETE', '/cloud/v3/inference/1/api_keys/team-key');
  expect(deleted.status).toBe(200);
  expect(front.lines.some((line) => line.includes('"action":"delete"'))).toBe(true);
  // The insert is best effort, after the answer: ask until it is there (no sleeping).
  await expect
    .poll(async () => (await call('GET', '/__app/activity?project_id=1')).body, { timeout: 30_000 })
    .toMatchObject({
      results: [{ action: 'delete', key_name: 'team-key', user: 'shared token', status: 200 }],
      next_before: null,
    });
}, 60_000);
