import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from '../testing/fake-upstream.ts';
import type { Sql } from './database.ts';
import { jobStore } from './job-store.ts';
import { createReaderCheck, everyReader, type ReaderCheck } from './reader-check.ts';
import { startJobsEndpointFront } from '../testing/jobs-endpoint-front.ts';
import { fakeClock, openTestDatabase } from '../testing/jobs-database.ts';

/**
 * Personal sign-in: the jobs list says who changed which key, so only a caller whose token the
 * API accepts may read it. The API here is a stand-in that accepts one token.
 */
const GOOD = 'APIKey good-token';
const PROJECTS_PROBE = '/cloud/v1/projects?limit=1';
let sql: Sql;
let upstream: FakeUpstream;
let now = 0;
const clock = fakeClock();

const front = (readers: ReaderCheck) =>
  startJobsEndpointFront({
    sql,
    now: clock.now,
    executor: async () => ({ state: 'done' }),
    sharedToken: readers === everyReader,
    identify: () => 'personal token',
    readers,
  });

let personal: Awaited<ReturnType<typeof front>>;
let jobId: string;
beforeAll(async () => {
  sql = await openTestDatabase();
  upstream = await startFakeUpstream();
  upstream.script = (call) =>
    call.headers.authorization === GOOD
      ? { status: 200, body: { count: 1, results: [{ id: 1 }] } }
      : { status: 401, body: { message: 'Invalid token' } };
  personal = await front(
    createReaderCheck({ apiUrl: upstream.url, now: () => now, rememberMs: 60_000, maxEntries: 2 }),
  );
  const job = await jobStore(sql, clock.now).create({
    kind: 'bind',
    project_id: 7,
    key_name: 'team-key',
    deployments: ['llama'],
    started_by: 'alice@example.com',
    token_mode: 'personal',
  });
  jobId = job.id;
}, 60_000);
afterAll(async () => {
  await personal.close();
  await upstream.close();
  await sql.close();
});
beforeEach(() => {
  upstream.seen.length = 0;
  now += 10 * 60_000;
});

const reads = () => ['/__app/jobs?project_id=7', `/__app/jobs/${jobId}`];
const probes = () => upstream.seen.map((call) => [call.url, call.headers.authorization]);

describe('reading jobs under personal sign-in', () => {
  it('answers nobody without an Authorization, and asks the API nothing', async () => {
    for (const path of reads()) {
      const answer = await personal.call('GET', path);
      expect(answer.status).toBe(401);
      expect(JSON.stringify(answer.body)).not.toContain('alice@example.com');
    }
    expect(upstream.seen).toEqual([]);
  });

  it('answers nobody whose token the API refuses', async () => {
    for (const path of reads()) {
      const answer = await personal.call('GET', path, {
        headers: { authorization: 'APIKey guess' },
      });
      expect(answer.status).toBe(401);
      expect(answer.body).toMatchObject({ message: expect.stringMatching(/did not accept/) });
    }
    expect(probes()).toEqual([
      [PROJECTS_PROBE, 'APIKey guess'],
      [PROJECTS_PROBE, 'APIKey guess'],
    ]);
  });

  it('answers a caller the API accepts, asking the API once for a while', async () => {
    const [list, one] = reads();
    const listed = await personal.call('GET', list ?? '', { headers: { authorization: GOOD } });
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({
      results: [{ id: jobId, started_by: 'alice@example.com' }],
    });
    const read = await personal.call('GET', one ?? '', { headers: { authorization: GOOD } });
    expect(read.status).toBe(200);
    expect(probes()).toEqual([[PROJECTS_PROBE, GOOD]]);
    now += 60_000;
    await personal.call('GET', one ?? '', { headers: { authorization: GOOD } });
    expect(probes()).toHaveLength(2);
  });

  it('says the check could not be made when the API fails, and lets nothing through', async () => {
    upstream.mood = 'fine';
    const failing = upstream.script;
    upstream.script = () => ({ status: 502, body: { message: 'Bad gateway' } });
    const answer = await personal.call('GET', reads()[0] ?? '', {
      headers: { authorization: 'APIKey other' },
    });
    upstream.script = failing;
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({ message: expect.stringMatching(/could not be checked/) });
  });
});
