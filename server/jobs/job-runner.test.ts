import { describe, expect, it } from 'vitest';
import { INTERRUPTED_FAILURE } from './job-leases.ts';
import { jobStore, type NewJob } from './job-store.ts';
import type { JobExecutor } from './job-types.ts';
import { gatedExecutor, TEST_LEASE_MS, testRunner } from '../testing/job-fixtures.ts';
import { jobsDatabaseForFile } from '../testing/jobs-database-for-file.ts';

const db = jobsDatabaseForFile();

const store = () => jobStore(db.sql, db.clock.now);
const input: NewJob = {
  kind: 'bind',
  project_id: 7,
  key_name: 'team-key',
  deployments: ['llama'],
  started_by: 'shared token',
  token_mode: 'shared',
};

describe('the job runner', () => {
  it('runs every job exactly once when two workers share one database', async () => {
    const runs = new Map<string, number>();
    const executor: JobExecutor = async (job) => {
      runs.set(job.id, (runs.get(job.id) ?? 0) + 1);
      return { state: 'done' };
    };
    const jobs = await Promise.all(
      Array.from({ length: 9 }, (_, index) =>
        store().create({ ...input, key_name: `key-${index}` }),
      ),
    );
    const first = testRunner(db.sql, db.clock.now, executor).runner;
    const second = testRunner(db.sql, db.clock.now, executor).runner;
    await Promise.all([first.wake(), second.wake()]);
    await Promise.all([first.idle(), second.idle()]);
    expect([...runs.values()]).toEqual(jobs.map(() => 1));
    const states = await Promise.all(jobs.map((job) => store().get(job.id)));
    expect(states.map((job) => job?.state)).toEqual(jobs.map(() => 'done'));
  });

  it('hands a job to another worker when its worker stops renewing, and aborts the first one', async () => {
    const stalled = gatedExecutor();
    const job = await store().create(input);
    const first = testRunner(db.sql, db.clock.now, stalled.executor).runner;
    await first.wake();
    expect(stalled.calls).toHaveLength(1);
    db.clock.advance(TEST_LEASE_MS + 1);
    const second = testRunner(db.sql, db.clock.now, async () => ({ state: 'done' }));
    await second.runner.wake();
    await second.runner.idle();
    expect((await store().get(job.id))?.state).toBe('done');
    // The first worker learns it lost the lease at its next renewal, and its job is told to stop.
    await first.renew();
    await first.idle();
    expect(stalled.calls[0]?.aborted).toBe(true);
    expect((await store().get(job.id))?.state).toBe('done');
    expect(second.lines.map((line) => JSON.parse(line).state)).toEqual([
      'queued',
      'running',
      'done',
    ]);
  });

  it('gives a personal job’s token to its holder only, and interrupts the job when the holder dies', async () => {
    const holder = gatedExecutor();
    const other = gatedExecutor();
    const first = testRunner(db.sql, db.clock.now, holder.executor).runner;
    const second = testRunner(db.sql, db.clock.now, other.executor);
    const id = crypto.randomUUID();
    first.hold(id, 'APIKey first-user');
    await store().create({
      ...input,
      id,
      token_mode: 'personal',
      holder: { workerId: first.workerId, leaseMs: TEST_LEASE_MS },
    });
    await second.runner.wake();
    expect(other.calls).toEqual([]);
    await first.wake();
    expect(holder.calls[0]?.context.authorization).toBe('APIKey first-user');
    // The holder dies: no renewal, no end. Another worker finds the lease expired.
    db.clock.advance(TEST_LEASE_MS + 1);
    await second.runner.wake();
    expect(other.calls).toEqual([]);
    expect(await store().get(id)).toMatchObject({
      state: 'interrupted',
      failure: INTERRUPTED_FAILURE,
    });
    // Resumed by someone signed in on the second worker: it runs there, with their token.
    second.runner.hold(id, 'APIKey second-user');
    await store().retry(id, 'personal', {
      workerId: second.runner.workerId,
      leaseMs: TEST_LEASE_MS,
    });
    await second.runner.wake();
    expect(other.calls[0]?.context.authorization).toBe('APIKey second-user');
    other.calls[0]?.end({ state: 'done' });
    await second.runner.idle();
    expect((await store().get(id))?.state).toBe('done');
  });

  it('saves progress under its lease, and stops a job whose progress can no longer be saved', async () => {
    const gated = gatedExecutor();
    const job = await store().create(input);
    const first = testRunner(db.sql, db.clock.now, gated.executor).runner;
    await first.wake();
    const progress = {
      steps: [{ deployment: 'llama', status: 'done' as const, message: null }],
      key_deleted: false,
      detail: { phase: 'detached' },
    };
    await gated.calls[0]?.context.report(progress);
    expect((await store().get(job.id))?.steps).toEqual(progress.steps);
    db.clock.advance(TEST_LEASE_MS + 1);
    await testRunner(db.sql, db.clock.now, gatedExecutor().executor).runner.wake();
    await gated.calls[0]?.context.report(progress);
    expect(gated.calls[0]?.aborted).toBe(true);
  });

  it('on stop aborts its jobs and puts them back in the queue for another worker', async () => {
    const gated = gatedExecutor();
    const job = await store().create(input);
    const first = testRunner(db.sql, db.clock.now, gated.executor);
    await first.runner.wake();
    await first.runner.stop();
    expect(gated.calls[0]?.aborted).toBe(true);
    expect((await store().get(job.id))?.state).toBe('queued');
    expect(JSON.parse(first.lines.at(-1) ?? '{}')).toMatchObject({ id: job.id, state: 'queued' });
    const second = testRunner(db.sql, db.clock.now, async () => ({ state: 'done' })).runner;
    await second.wake();
    await second.idle();
    expect((await store().get(job.id))?.state).toBe('done');
  });

  it('records a job whose executor throws as failed, with a sentence rather than the error', async () => {
    const job = await store().create(input);
    const { runner, lines } = testRunner(db.sql, db.clock.now, async () => {
      throw new Error('socket hang up');
    });
    await runner.wake();
    await runner.idle();
    expect((await store().get(job.id))?.failure).toMatch(/unexpected error.*resume it/);
    expect(lines.some((line) => JSON.parse(line).type === 'error')).toBe(true);
  });
});
