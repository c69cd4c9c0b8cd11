import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { startOperationsFront } from '../testing/operations-front';
import { freePort } from '../testing/free-port';
import { parseMetrics, samplesNamed } from '../testing/parse-metrics';

const TOKEN = 'metrics-token-0123456789';
const EXPIRY = 'gcore_inference_api_key_expiry_timestamp_seconds';
let front: Awaited<ReturnType<typeof startOperationsFront>> | undefined;

afterEach(async () => {
  await front?.close();
  front = undefined;
});

async function scrape(env: Record<string, string> = { METRICS_TOKEN: TOKEN }) {
  front = await startOperationsFront({ env });
  await front.checkKeys();
  const answer = await front.get('/metrics', { authorization: `Bearer ${TOKEN}` });
  expect(answer.status).toBe(200);
  return answer;
}

describe('/metrics', () => {
  it('gives the expiry of every key that has one, by project and key; a key that never expires has no series', async () => {
    const answer = await scrape();
    expect(answer.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const expiry = samplesNamed(parseMetrics(answer.text), EXPIRY);
    expect(expiry).toContainEqual({
      name: EXPIRY,
      labels: { project: '1', key: 'mobile-app-prod' },
      value: Date.parse('2099-12-31T23:59:59Z') / 1000,
    });
    expect(expiry.map((sample) => sample.labels.key)).toContain('old-demo');
    expect(expiry.map((sample) => sample.labels.key)).not.toContain('ci-pipeline');
  });

  it('counts gateway requests by route template and status, and times the API by route', async () => {
    front = await startOperationsFront({ env: { METRICS_TOKEN: TOKEN } });
    expect((await front.get('/cloud/v3/inference/1/api_keys/mobile-app-prod')).status).toBe(200);
    expect((await front.get('/cloud/v3/inference/1/api_keys/no-such-key')).status).toBe(404);
    expect((await front.get('/cloud/v9/whatever/secret-path')).status).toBe(403);
    const text = (await front.get('/metrics', { authorization: `Bearer ${TOKEN}` })).text;
    const samples = parseMetrics(text);
    const requests = samplesNamed(samples, 'gcore_dashboard_gateway_requests_total');
    const route = '/cloud/v3/inference/{project_id}/api_keys/{name}';
    expect(requests).toContainEqual({
      name: 'gcore_dashboard_gateway_requests_total',
      labels: { route, method: 'GET', status: '200' },
      value: 1,
    });
    expect(requests).toContainEqual(
      expect.objectContaining({ labels: { route, method: 'GET', status: '404' } }),
    );
    expect(requests).toContainEqual(
      expect.objectContaining({ labels: { route: 'unmatched', method: 'GET', status: '403' } }),
    );
    // Raw paths never become labels: their names and ids have no bound.
    expect(text).not.toContain('secret-path');
    expect(text).not.toContain('no-such-key');
    const latency = samplesNamed(
      samples,
      'gcore_dashboard_upstream_request_duration_seconds_count',
    );
    expect(latency).toContainEqual(
      expect.objectContaining({ labels: { route, method: 'GET' }, value: 2 }),
    );
    expect(samplesNamed(samples, 'gcore_dashboard_upstream_up')).toEqual([
      expect.objectContaining({ value: 1 }),
    ]);
  });

  it('counts the jobs that end, by kind and outcome', async () => {
    front = await startOperationsFront({ env: { METRICS_TOKEN: TOKEN } });
    front.operations.observeJob({ kind: 'bind', state: 'running' });
    front.operations.observeJob({ kind: 'bind', state: 'failed' });
    front.operations.observeJob({ kind: 'detach-and-delete', state: 'done' });
    const text = (await front.get('/metrics', { authorization: `Bearer ${TOKEN}` })).text;
    const jobs = samplesNamed(parseMetrics(text), 'gcore_dashboard_jobs_total');
    expect(jobs.map(({ labels, value }) => ({ ...labels, value }))).toEqual(
      expect.arrayContaining([
        { kind: 'bind', outcome: 'failed', value: 1 },
        { kind: 'detach-and-delete', outcome: 'done', value: 1 },
      ]),
    );
    expect(jobs.some((sample) => sample.labels.outcome === 'running')).toBe(false);
  });

  it('is a valid exposition by Prometheus’ own checker', async () => {
    const answer = await scrape();
    const check = spawnSync('promtool', ['check', 'metrics'], { input: answer.text });
    expect(check.error, 'promtool is missing: apt-get install prometheus').toBeUndefined();
    expect(`${check.stdout.toString()}${check.stderr.toString()}`).toBe('');
    expect(check.status).toBe(0);
  });

  it('in personal sign-in has no expiry metric and says why', async () => {
    front = await startOperationsFront({ env: { METRICS_TOKEN: TOKEN }, sharedToken: false });
    await front.checkKeys();
    const answer = await front.get('/metrics', { authorization: `Bearer ${TOKEN}` });
    expect(samplesNamed(parseMetrics(answer.text), EXPIRY)).toEqual([]);
    expect(answer.text).toContain(`# ${EXPIRY} is absent: with personal sign-in`);
  });
});

describe('who may read /metrics', () => {
  it('answers 401 without the bearer token or with a wrong one', async () => {
    front = await startOperationsFront({ env: { METRICS_TOKEN: TOKEN } });
    const none = await front.get('/metrics');
    expect(none.status).toBe(401);
    expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
    expect((await front.get('/metrics', { authorization: `Bearer ${TOKEN}x` })).status).toBe(401);
    expect((await front.get('/metrics', { authorization: `APIKey ${TOKEN}` })).status).toBe(401);
    expect(none.text).not.toContain('gcore_');
  });

  it('answers 404 on the public origin when neither METRICS_TOKEN nor METRICS_PORT is set', async () => {
    front = await startOperationsFront({ env: {} });
    const answer = await front.get('/metrics', { authorization: `Bearer ${TOKEN}` });
    expect(answer.status).toBe(404);
    expect(answer.text).not.toContain('gcore_');
  });

  it('with METRICS_PORT serves /metrics on that listener only, and 404 on the public port', async () => {
    front = await startOperationsFront({ env: { METRICS_PORT: String(await freePort()) } });
    const port = front.metricsPort ?? 0;
    const own = await front.get('/metrics', {}, port);
    expect(own.status).toBe(200);
    expect(parseMetrics(own.text).length).toBeGreaterThan(0);
    expect((await front.get('/metrics')).status).toBe(404);
    expect((await front.get('/', {}, port)).status).toBe(404);
  });
});
