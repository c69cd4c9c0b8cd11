import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { devOriginPolicy } from '../gateway/dev-origin-policy.ts';
import { MEMORY_DATA_DIR } from './database.ts';
import { createJobIdentity } from '../gateway/job-identity.ts';
import { createGatewayClient } from './gateway-client.ts';
import { jobStarter } from './job-starter.ts';
import { realJobClock } from './steps/job-clock.ts';
import { startJobsService, type JobsService } from './jobs-service.ts';
import { readJobsSettings } from './jobs-settings.ts';
import { createJobExecutor } from './steps/run-job.ts';
import { startMiddlewareFront } from '../testing/jobs-front.ts';

let service: JobsService;
let front: Awaited<ReturnType<typeof startMiddlewareFront>>;
const lines: string[] = [];

beforeAll(async () => {
  const settings = readJobsSettings({ DATA_DIR: MEMORY_DATA_DIR, JOBS_POLL_MS: '100' }, '.data');
  service = await startJobsService({
    ...settings,
    executor: createJobExecutor({
      gateway: createGatewayClient({ port: () => 9, identity: createJobIdentity() }),
      clock: realJobClock,
      giveUpAfterMs: 1000,
    }),
    writeLine: (line) => lines.push(line),
    policy: devOriginPolicy(undefined),
    identify: jobStarter(
      { userHeader: 'x-user', proxySecretDigest: undefined, trustedProxies: ['127.0.0.1'] },
      true,
    ),
    sharedToken: true,
    apiUrl: 'http://127.0.0.1:9',
  });
  front = await startMiddlewareFront(service.middleware);
}, 60_000);
afterAll(async () => {
  await front.close();
  await service.close();
});

describe('the jobs service', () => {
  it('takes a job over HTTP, runs it on its own worker and logs each state', async () => {
    const body = { kind: 'unbind', project_id: 3, key_name: 'ops-key', deployments: ['a'] };
    const started = await front.call('POST', '/__app/jobs', { body, headers: { 'x-user': 'ann' } });
    expect(started.status).toBe(202);
    const id = (started.body as { id: string }).id;
    await vi.waitFor(async () => {
      const read = await front.call('GET', `/__app/jobs/${id}`);
      expect(read.body).toMatchObject({ state: 'failed', started_by: 'ann' });
    });
    const logged = lines.map((line) => JSON.parse(line)).filter((line) => line.id === id);
    expect(logged.map((line) => line.state)).toEqual(['running', 'failed']);
    expect(logged[0]).toMatchObject({
      type: 'job',
      kind: 'unbind',
      project: 3,
      key_name: 'ops-key',
    });
  });

  it('refuses settings that would surprise: a lease under a second, a non-postgres URL', () => {
    expect(() => readJobsSettings({ JOB_LEASE_MS: '30' }, '.data')).toThrow(/JOB_LEASE_MS/);
    expect(() => readJobsSettings({ DATABASE_URL: 'mysql://x' }, '.data')).toThrow(/DATABASE_URL/);
  });
});
