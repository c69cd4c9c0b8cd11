import { afterEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../testing/jobs-database';
import { startOperationsFront } from '../testing/operations-front';
import { parseMetrics, samplesNamed } from '../testing/parse-metrics';
import { cachedCheck } from './readiness';

let front: Awaited<ReturnType<typeof startOperationsFront>> | undefined;

afterEach(async () => {
  await front?.close();
  front = undefined;
});

describe('/readyz and /healthz', () => {
  it('is ready when the jobs database answers SELECT 1 and the API answers', async () => {
    // Opening PGlite alone can pass the default 20 s on a loaded machine: hence the 60 s below.
    const sql = await openTestDatabase();
    front = await startOperationsFront({
      database: async () => void (await sql.query('SELECT 1')),
    });
    const ready = await front.get('/readyz');
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.text)).toMatchObject({ ok: true });
    await sql.close();
    const closed = await front.get('/readyz');
    expect(closed.status).toBe(503);
    expect(JSON.parse(closed.text)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^the jobs database: /),
      checks: { upstream: { ok: true } },
    });
    // The process itself is fine: a load balancer must not restart it for its database.
    expect((await front.get('/healthz')).status).toBe(200);
  }, 60_000);

  it('is not ready, saying why, when the API cannot be reached', async () => {
    front = await startOperationsFront({ upstreamDown: true });
    const answer = await front.get('/readyz');
    expect(answer.status).toBe(503);
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(answer.text)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(
        /^the API: GET \/cloud\/v1\/projects answered HTTP 502: .*could not reach the API/,
      ),
      checks: { database: { ok: true } },
    });
  });

  it('asks the API through the server’s own gateway, as every call of the server’s own', async () => {
    const token = 'readiness-metrics-token';
    front = await startOperationsFront({ env: { METRICS_TOKEN: token } });
    expect((await front.get('/readyz')).status).toBe(200);
    const text = (await front.get('/metrics', { authorization: `Bearer ${token}` })).text;
    expect(
      samplesNamed(parseMetrics(text), 'gcore_dashboard_gateway_requests_total'),
    ).toContainEqual(
      expect.objectContaining({
        labels: { route: '/cloud/v1/projects', method: 'GET', status: '200' },
      }),
    );
  });

  it('counts a 401 from the API as reachable: personal sign-in has no token to ask with', async () => {
    front = await startOperationsFront({ sharedToken: false });
    expect((await front.get('/readyz')).status).toBe(200);
  });

  it('answers probes for any Host, while other paths keep the host allow-list', async () => {
    front = await startOperationsFront();
    const host = { host: '10.1.2.3:8080' };
    expect((await front.get('/healthz', host)).status).toBe(200);
    expect((await front.get('/readyz', host)).status).toBe(200);
    expect((await front.get('/cloud/v1/projects', host)).status).toBe(421);
  });
});

describe('cachedCheck', () => {
  it('asks again only once the cache time has passed, and shares a check under way', async () => {
    let now = 0;
    let asked = 0;
    const check = cachedCheck(
      async () => {
        asked += 1;
        return { ok: true };
      },
      10_000,
      () => now,
    );
    await Promise.all([check(), check()]);
    now = 9_999;
    await check();
    expect(asked).toBe(1);
    now = 10_000;
    await check();
    expect(asked).toBe(2);
  });
});
