import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Sql } from './database.ts';
import { jobStore, type NewJob } from './job-store.ts';
import type { JobExecutor } from './job-types.ts';
import { testRunner } from '../testing/job-fixtures.ts';
import { fakeClock, openTestDatabase } from '../testing/jobs-database.ts';

/** What the runner does for scheduled work: a postponed job, a retirement far ahead. */
let sql: Sql;
let clock: ReturnType<typeof fakeClock>;

beforeAll(async () => {
  sql = await openTestDatabase();
}, 60_000);
afterAll(() => sql.close());
beforeEach(async () => {
  await sql.query('DELETE FROM jobs');
  clock = fakeClock();
});

const store = () => jobStore(sql, clock.now);
const bind: NewJob = {
  kind: 'bind',
  project_id: 7,
  key_name: 'support-chatbot-2',
  deployments: ['llama'],
  started_by: 'shared token',
  token_mode: 'shared',
};
const retire = (runAfter: string | null, afterJob: string | null): NewJob => ({
  kind: 'retire',
  project_id: 7,
  key_name: 'support-chatbot',
  key_id: null,
  replaced_by: 'support-chatbot-2',
  replaced_by_id: null,
  after_job: afterJob,
  deployments: ['llama'],
  run_after: runAfter,
  started_by: 'shared token',
  token_mode: 'shared',
});
const attemptsOf = async (id: string) =>
  (await sql.query<{ attempts: number }>('SELECT attempts FROM jobs WHERE id = $1', [id])).rows[0]
    ?.attempts;

describe('scheduled work in the runner', () => {
  it('a job postponed while the job it waits for is queued: back in the queue, no attempt burned, run once it may', async () => {
    const bindJob = await store().create(bind);
    const waiting = await store().create(retire(clock.now().toISOString(), bindJob.id));
    const seen: (string | undefined)[] = [];
    const executor: JobExecutor = async (job, context) => {
      if (job.kind === 'bind') return { state: 'failed', failure: 'not now' };
      const state = await context.jobState(bindJob.id);
      seen.push(state);
      if (state === 'done') return { state: 'done' };
      return { state: 'postponed', until: new Date(clock.now().getTime() + 5_000) };
    };
    // The bind job is held back (not claimed) so the retirement finds it queued.
    await sql.query('UPDATE jobs SET run_after = $2 WHERE id = $1', [
      bindJob.id,
      new Date(clock.now().getTime() + 60_000),
    ]);
    const { runner } = testRunner(sql, clock.now, executor);
    await runner.wake();
    await runner.idle();
    expect(seen).toEqual(['queued']);
    expect(await store().get(waiting.id)).toMatchObject({
      state: 'queued',
      run_after: new Date(clock.now().getTime() + 5_000).toISOString(),
    });
    expect(await attemptsOf(waiting.id)).toBe(0);
    await runner.wake();
    await runner.idle();
    expect(seen).toEqual(['queued']);
    await sql.query("UPDATE jobs SET state = 'done' WHERE id = $1", [bindJob.id]);
    clock.advance(5_000);
    await runner.wake();
    await runner.idle();
    expect(seen).toEqual(['queued', 'done']);
    expect(await store().get(waiting.id)).toMatchObject({ state: 'done' });
    expect(await attemptsOf(waiting.id)).toBe(1);
  });

  it('a retirement scheduled for next week holds up no edit of its key meanwhile', async () => {
    const nextWeek = new Date(clock.now().getTime() + 7 * 86_400_000).toISOString();
    const later = await store().create(retire(nextWeek, null));
    const edit = await store().create({ ...bind, key_name: 'support-chatbot' });
    const ran: string[] = [];
    const { runner } = testRunner(sql, clock.now, async (job) => {
      ran.push(job.id);
      return { state: 'done' };
    });
    await runner.wake();
    await runner.idle();
    expect(ran).toEqual([edit.id]);
    expect((await store().get(later.id))?.state).toBe('queued');
  });
});
