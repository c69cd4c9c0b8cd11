import { beforeEach, describe, expect, it } from 'vitest';
import type { JobContext, JobExecutor } from './job-types.ts';
import { useJobsEndpointFronts } from '../testing/use-jobs-endpoint-fronts.ts';
import { dumpAllTables } from '../testing/jobs-database.ts';

const seen: JobContext[] = [];
// Every job fails at once, after saving a step: enough to see what a job was given and kept.
const executor: JobExecutor = async (job, context) => {
  seen.push(context);
  const steps = job.steps.map((step) => ({ ...step, status: 'failed' as const, message: 'No.' }));
  await context.report({ steps, key_deleted: false, detail: { tried: 1 } });
  return { state: 'failed', failure: 'A deployment refused the key.' };
};

const endpoint = useJobsEndpointFronts(executor);
const { clock, lines, front } = endpoint;
beforeEach(() => {
  seen.length = 0;
});

const start = { kind: 'bind', project_id: 7, key_name: 'team-key', deployments: ['llama'] };
const message = (body: unknown) => (body as { message: string }).message;

describe('POST /__app/jobs', () => {
  it('starts a job, answers 202 with it, uncached, and lists it under its project', async () => {
    const answer = await endpoint.shared.call('POST', '/__app/jobs', { body: start });
    expect(answer.status).toBe(202);
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.body).toMatchObject({ state: 'queued', key_name: 'team-key', project_id: 7 });
    await endpoint.shared.runner.idle();
    const id = (answer.body as { id: string }).id;
    const read = await endpoint.shared.call('GET', `/__app/jobs/${id}`);
    expect(read.body).toMatchObject({ id, state: 'failed', started_by: 'shared token' });
    expect(read.body).not.toHaveProperty('token_mode');
    const listed = await endpoint.shared.call('GET', '/__app/jobs?project_id=7');
    expect((listed.body as { results: { id: string }[] }).results.map((job) => job.id)).toEqual([
      id,
    ]);
    const elsewhere = await endpoint.shared.call('GET', '/__app/jobs?project_id=8');
    expect(elsewhere.body).toEqual({ results: [] });
  });

  it.each([
    [{ ...start, deployments: ['x'.repeat(64)] }, 'deployments.0 must have at most 63 characters.'],
    [{ ...start, kind: 'rotate' }, 'kind must be one of: bind, unbind, detach-and-delete.'],
    // A retirement is read by its own schema: it names the first field a retirement lacks.
    [{ ...start, kind: 'retire' }, 'key_id is missing or is not text.'],
    [{ ...start, project_id: 1.5 }, 'project_id is missing or is not a whole number.'],
    [{ ...start, key_name: 'ab' }, 'key_name must have at least 4 characters.'],
    [{ ...start, key_name: 'Team_Key' }, 'key_name: String should match the API key name pattern.'],
    [
      { ...start, run_after: 'tomorrow' },
      'run_after must be a UTC date and time such as 2026-05-01T12:00:00Z.',
    ],
    [{ ...start, token: 'x' }, 'Unknown field: token.'],
    [
      { kind: 'bind', project_id: 7, key_name: 'team-key' },
      'deployments is missing or is not a list.',
    ],
  ])('refuses %j with 400 naming the field', async (body, expected) => {
    const answer = await endpoint.shared.call('POST', '/__app/jobs', { body });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ exception_class: 'InvalidRequestBody', message: expected });
  });

  it('refuses a body that is not JSON, and one from another site, creating nothing', async () => {
    const text = await endpoint.shared.call('POST', '/__app/jobs', {
      headers: { 'content-type': 'text/plain' },
      body: start,
    });
    expect(text.status).toBe(415);
    const crossSite = await endpoint.shared.call('POST', '/__app/jobs', {
      headers: { 'sec-fetch-site': 'cross-site' },
      body: start,
    });
    expect(crossSite.status).toBe(403);
    const otherOrigin = await endpoint.shared.call('GET', '/__app/jobs?project_id=7', {
      headers: { origin: 'https://evil.example' },
    });
    expect(otherOrigin.status).toBe(403);
    const rebound = await endpoint.shared.call('GET', '/__app/jobs?project_id=7', {
      headers: { host: 'evil.example' },
    });
    expect(rebound.status).toBe(421);
    // An <img> or a no-cors request cannot set the page's own header (plain-HTTP origins get no
    // Sec-Fetch-* to tell them apart): refused, reads included.
    const bare = await endpoint.shared.call('GET', '/__app/jobs?project_id=7', {
      headers: { 'x-requested-by': '' },
    });
    expect(bare).toMatchObject({ status: 403, body: { exception_class: 'MissingRequestHeader' } });
    expect((await endpoint.sql.query('SELECT id FROM jobs')).rowCount).toBe(0);
  });

  it('refuses to start work in the name of nobody the SSO proxy vouched for', async () => {
    const untrusted = await front(true, () => undefined);
    try {
      const answer = await untrusted.call('POST', '/__app/jobs', { body: start });
      expect(answer).toMatchObject({
        status: 401,
        body: { exception_class: 'AuditIdentityRequired' },
      });
      expect((await endpoint.sql.query('SELECT id FROM jobs')).rowCount).toBe(0);
    } finally {
      await untrusted.close();
    }
  });
});

describe('reading and resuming', () => {
  it('answers 404 for an unknown or malformed id and 400 naming a bad project_id', async () => {
    expect((await endpoint.shared.call('GET', `/__app/jobs/${crypto.randomUUID()}`)).status).toBe(
      404,
    );
    expect((await endpoint.shared.call('GET', '/__app/jobs/not-a-uuid')).status).toBe(404);
    expect((await endpoint.shared.call('POST', '/__app/jobs/%E0%A4%A/retry')).status).toBe(404);
    const bad = await endpoint.shared.call('GET', '/__app/jobs?project_id=abc');
    expect(bad.status).toBe(400);
    expect(message(bad.body)).toMatch(/^project_id must be a positive whole number/);
  });

  it('answers 409 to resuming a job that is not stopped, 202 to one that failed', async () => {
    const later = new Date(clock.now().getTime() + 3_600_000).toISOString();
    const waiting = await endpoint.shared.call('POST', '/__app/jobs', {
      // Another key: a job waits behind an older open job of its own key.
      body: { ...start, key_name: 'later-key', run_after: later },
    });
    const waitingId = (waiting.body as { id: string }).id;
    const conflict = await endpoint.shared.call('POST', `/__app/jobs/${waitingId}/retry`);
    expect(conflict.status).toBe(409);
    expect(message(conflict.body)).toBe(
      'This job is queued: only a failed or interrupted job can be resumed.',
    );
    const failed = await endpoint.shared.call('POST', '/__app/jobs', { body: start });
    await endpoint.shared.runner.idle();
    const id = (failed.body as { id: string }).id;
    const resumed = await endpoint.shared.call('POST', `/__app/jobs/${id}/retry`);
    expect(resumed.status).toBe(202);
    expect(resumed.body).toMatchObject({ id, state: 'queued', failure: null });
    expect(
      (await endpoint.shared.call('POST', `/__app/jobs/${crypto.randomUUID()}/retry`)).status,
    ).toBe(404);
  });
});

describe('personal tokens', () => {
  it('refuses to start or resume a job without sign-in', async () => {
    const answer = await endpoint.personal.call('POST', '/__app/jobs', { body: start });
    expect(answer.status).toBe(401);
    expect(message(answer.body)).toMatch(/^Sign in first/);
  });

  it('hands the caller’s token to the job and never writes it to the database or the log', async () => {
    const authorization = 'APIKey secret-token-123';
    const answer = await endpoint.personal.call('POST', '/__app/jobs', {
      headers: { authorization },
      body: start,
    });
    expect(answer.status).toBe(202);
    await endpoint.personal.runner.idle();
    expect(seen.map((context) => context.authorization)).toEqual([authorization]);
    const id = (answer.body as { id: string }).id;
    await endpoint.personal.call('POST', `/__app/jobs/${id}/retry`, {
      headers: { authorization: 'APIKey secret-token-456' },
    });
    await endpoint.personal.runner.idle();
    expect(seen.map((context) => context.authorization)).toEqual([
      authorization,
      'APIKey secret-token-456',
    ]);
    const dump = await dumpAllTables(endpoint.sql);
    expect(dump).toContain(id);
    expect(dump).not.toContain('secret-token');
    expect(lines.join('\n')).toContain(id);
    expect(lines.join('\n')).not.toContain('secret-token');
  });
});
