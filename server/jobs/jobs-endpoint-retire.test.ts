import { beforeEach, describe, expect, it } from 'vitest';
import type { JobContext, JobExecutor, JobRecord } from './job-types.ts';
import { useJobsEndpointFronts } from '../testing/use-jobs-endpoint-fronts.ts';

/** A rotation's retirement through `/__app/jobs`: when it may run, Retire now, Keep, the audit. */
const HOUR = 3_600_000;
const ran: { job: JobRecord; context: JobContext }[] = [];
const executor: JobExecutor = async (job, context) => {
  ran.push({ job, context });
  return { state: 'done' };
};

const endpoint = useJobsEndpointFronts(executor);
const { clock, lines } = endpoint;
beforeEach(() => {
  ran.length = 0;
});

const inAbout = (ms: number) => new Date(clock.now().getTime() + ms).toISOString();
const retire = (runAfter: string | null) => ({
  kind: 'retire',
  project_id: 7,
  key_name: 'support-chatbot',
  key_id: null,
  replaced_by: 'support-chatbot-2',
  replaced_by_id: null,
  after_job: null,
  deployments: ['llama'],
  run_after: runAfter,
});
const idOf = (body: unknown) => (body as { id: string }).id;
const audits = () =>
  lines
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((l) => l.type === 'audit');

describe('starting a retirement', () => {
  it('without a time: held, never run by a worker, and the rotation is on record', async () => {
    const answer = await endpoint.shared.call('POST', '/__app/jobs', { body: retire(null) });
    expect(answer.status).toBe(202);
    expect(answer.body).toMatchObject({
      kind: 'retire',
      state: 'held',
      run_after: null,
      rotation: { replaced_by: 'support-chatbot-2', key_id: null, after_job: null },
    });
    await endpoint.shared.runner.wake();
    await endpoint.shared.runner.idle();
    expect(ran).toEqual([]);
    expect(audits()).toEqual([
      {
        type: 'audit',
        time: clock.now().toISOString(),
        user: 'shared token',
        action: 'rotate',
        project: '7',
        key_name: 'support-chatbot',
        key_id: null,
        replaced_by: 'support-chatbot-2',
        retire_at: null,
        status: 202,
        request_id: answer.headers['x-request-id'],
      },
    ]);
  });

  it('scheduled: not claimed before its time, claimed once after it', async () => {
    const at = inAbout(2 * HOUR);
    const answer = await endpoint.shared.call('POST', '/__app/jobs', { body: retire(at) });
    expect(answer.body).toMatchObject({ state: 'queued', run_after: at });
    expect(audits()[0]).toMatchObject({ action: 'rotate', retire_at: at });
    await endpoint.shared.runner.wake();
    await endpoint.shared.runner.idle();
    expect(ran).toEqual([]);
    clock.advance(2 * HOUR);
    await endpoint.shared.runner.wake();
    await endpoint.shared.runner.idle();
    await endpoint.shared.runner.wake();
    await endpoint.shared.runner.idle();
    expect(ran.map((run) => run.job.id)).toEqual([idOf(answer.body)]);
  });

  it('"now" from a clock a little behind: due at once', async () => {
    const answer = await endpoint.shared.call('POST', '/__app/jobs', {
      body: retire(inAbout(-20_000)),
    });
    expect(answer.body).toMatchObject({ state: 'queued', run_after: clock.now().toISOString() });
    await endpoint.shared.runner.idle();
    expect(ran).toHaveLength(1);
  });

  it.each([
    [
      10 * 60_000,
      () =>
        'run_after must be now or at least 60 minutes from now (RETIRE_MIN_DELAY_MS), so the old key’s users have time to switch.',
    ],
    [
      -2 * HOUR,
      (sent: string) =>
        `run_after ${sent} is in the past: send the current time to retire the key now, or null to retire it yourself later.`,
    ],
  ])('refuses a time %i ms away with 400 saying why, creating nothing', async (ms, message) => {
    const sent = inAbout(ms);
    const answer = await endpoint.shared.call('POST', '/__app/jobs', { body: retire(sent) });
    expect(answer).toMatchObject({
      status: 400,
      body: { exception_class: 'InvalidRequestBody', message: message(sent) },
    });
    expect((await endpoint.sql.query('SELECT id FROM jobs')).rowCount).toBe(0);
    expect(audits()).toEqual([]);
  });
});

describe('Retire now and Keep', () => {
  it('Retire now: a held retirement runs at once, on record as a retire', async () => {
    const held = await endpoint.shared.call('POST', '/__app/jobs', { body: retire(null) });
    const id = idOf(held.body);
    const now = await endpoint.shared.call('POST', `/__app/jobs/${id}/run-now`);
    expect(now.status).toBe(202);
    expect(now.body).toMatchObject({ id, state: 'queued', run_after: clock.now().toISOString() });
    await endpoint.shared.runner.idle();
    expect(ran.map((run) => run.job.id)).toEqual([id]);
    expect(audits().at(-1)).toMatchObject({
      action: 'retire',
      key_name: 'support-chatbot',
      request_id: now.headers['x-request-id'],
    });
  });

  it('Keep: a scheduled retirement is called off for good, logged and on record', async () => {
    const scheduled = await endpoint.shared.call('POST', '/__app/jobs', {
      body: retire(inAbout(HOUR)),
    });
    const id = idOf(scheduled.body);
    const kept = await endpoint.shared.call('POST', `/__app/jobs/${id}/cancel`);
    expect(kept).toMatchObject({ status: 202, body: { id, state: 'cancelled' } });
    expect(audits().at(-1)).toMatchObject({ action: 'keep', retire_at: null, status: 202 });
    expect(lines.some((line) => line.includes('"type":"job"') && line.includes('cancelled'))).toBe(
      true,
    );
    clock.advance(2 * HOUR);
    await endpoint.shared.runner.wake();
    await endpoint.shared.runner.idle();
    expect(ran).toEqual([]);
    const again = await endpoint.shared.call('POST', `/__app/jobs/${id}/run-now`);
    expect(again).toMatchObject({
      status: 409,
      body: {
        message:
          'This retirement is cancelled: only a scheduled or held retirement can be run now.',
      },
    });
  });

  it('409 for a job that is not a retirement, 404 for one that does not exist', async () => {
    const bind = await endpoint.shared.call('POST', '/__app/jobs', {
      body: { kind: 'bind', project_id: 7, key_name: 'team-key', deployments: ['llama'] },
    });
    const refused = await endpoint.shared.call('POST', `/__app/jobs/${idOf(bind.body)}/cancel`);
    expect(refused).toMatchObject({
      status: 409,
      body: {
        message: 'This is a bind job: only a scheduled or held retirement can be called off.',
      },
    });
    expect(
      (await endpoint.shared.call('POST', `/__app/jobs/${crypto.randomUUID()}/run-now`)).status,
    ).toBe(404);
    expect((await endpoint.shared.call('POST', '/__app/jobs/not-a-uuid/cancel')).status).toBe(404);
    expect(
      (await endpoint.shared.call('GET', `/__app/jobs/${idOf(bind.body)}/cancel`)).status,
    ).toBe(405);
  });

  it('under personal sign-in, Retire now needs the caller’s token, which the job then uses', async () => {
    const held = await endpoint.personal.call('POST', '/__app/jobs', {
      headers: { authorization: 'APIKey starter-token' },
      body: retire(null),
    });
    const id = idOf(held.body);
    expect((await endpoint.personal.call('POST', `/__app/jobs/${id}/run-now`)).status).toBe(401);
    const now = await endpoint.personal.call('POST', `/__app/jobs/${id}/run-now`, {
      headers: { authorization: 'APIKey retirer-token' },
    });
    expect(now.status).toBe(202);
    await endpoint.personal.runner.idle();
    expect(ran.map((run) => run.context.authorization)).toEqual(['APIKey retirer-token']);
    expect(lines.join('\n')).not.toContain('-token');
  });
});

describe('GET /__app/jobs-settings', () => {
  it('says the shortest grace a scheduled retirement may have, to this server’s pages only', async () => {
    const answer = await endpoint.shared.call('GET', '/__app/jobs-settings');
    expect(answer).toMatchObject({ status: 200, body: { retire_min_delay_ms: HOUR } });
    const crossSite = await endpoint.shared.call('GET', '/__app/jobs-settings', {
      headers: { origin: 'https://evil.example' },
    });
    expect(crossSite.status).toBe(403);
    const rebound = await endpoint.shared.call('GET', '/__app/jobs-settings', {
      headers: { host: 'evil.example' },
    });
    expect(rebound.status).toBe(421);
  });
});
