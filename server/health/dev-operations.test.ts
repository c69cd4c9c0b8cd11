import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxServer, type SandboxServer } from '../../sandbox/server';
import { startDevFront, type Front } from '../testing/test-fronts';
import { sendRawRequest } from '../testing/send-raw-request';
import { parseMetrics, samplesNamed } from '../testing/parse-metrics';

const METRICS_TOKEN = 'dev-metrics-token-0123456789';
let sandbox: SandboxServer;
let dev: Front;

beforeAll(async () => {
  sandbox = await startSandboxServer({ token: 'dev-ops-token' });
  dev = await startDevFront({
    upstreamUrl: sandbox.url,
    token: sandbox.token,
    apiVersion: 'v3',
    env: { METRICS_TOKEN },
  });
});

afterAll(async () => {
  await dev.close();
  await sandbox.close();
});

const get = (target: string, headers: Record<string, string> = {}) =>
  sendRawRequest(dev.port, { method: 'GET', target, headers });

describe('the dev server’s health and metrics', () => {
  it('answers /healthz and /readyz', async () => {
    expect((await get('/healthz')).status).toBe(200);
    const ready = await get('/readyz');
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.body)).toMatchObject({ ok: true });
  });

  it('serves /metrics behind the token, with the key expiry metric of shared-token mode', async () => {
    expect((await get('/metrics')).status).toBe(401);
    const answer = await get('/metrics', { authorization: `Bearer ${METRICS_TOKEN}` });
    expect(answer.status).toBe(200);
    const samples = parseMetrics(answer.body);
    expect(samplesNamed(samples, 'gcore_dashboard_upstream_up')).toEqual([
      expect.objectContaining({ value: 1 }),
    ]);
    expect(answer.body).toContain('# TYPE gcore_inference_api_key_expiry_timestamp_seconds gauge');
    expect(answer.body).not.toContain('is absent');
  });
});
