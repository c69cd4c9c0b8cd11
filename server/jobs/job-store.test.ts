import { describe, expect, it } from 'vitest';
import type { StartJobInput } from '../../src/features/jobs/api/job-contract.ts';
import { INTERRUPTED_FAILURE, jobLeases } from './job-leases.ts';
import { jobStore, type NewJob } from './job-store.ts';
import { jobsDatabaseForFile } from '../testing/jobs-database-for-file.ts';

const LEASE_MS = 30_000;
const db = jobsDatabaseForFile();

const store = () => jobStore(db.sql, db.clock.now);
const leases = () => jobLeases(db.sql, db.clock.now, LEASE_MS);
const input = (overrides: Partial<NewJob & StartJobInput> = {}): NewJob => ({
  kind: 'bind',
  project_id: 7,
  key_name: 'team-key',
  deployments: ['llama', 'qwen'],
  started_by: 'shared token',
  token_mode: 'shared',
  ...overrides,
});

describe('the job store', () => {
  it('forgets every job, open or finished, when the sandbox they were about is reset', async () => {
    const open = await store().create(input({ key_name: 'open' }));
    const finished = await store().create(input({ key_name: 'finished' }));
    await leases().claim('w1', 2);
    await leases().finish('w1', finished.id, { state: 'failed', failure: 'no' });
    expect(await store().forgetAll()).toBe(2);
    expect(await store().list(7)).toEqual([]);
    expect(await store().get(open.id)).toBeUndefined();
  });

  it('creates a queued job with one pending step per deployment and reads it back', async () => {
    const job = await store().create(input());
    expect(job).toMatchObject({ state: 'queued', project_id: 7, key_name: 'team-key' });
    expect(job.steps.map((step) => [step.deployment, step.status])).toEqual([
      ['llama', 'pending'],
      ['qwen', 'pending'],
    ]);
    expect(await store().get(job.id)).toEqual(job);
  });

  it('lists a project’s open jobs and those finished in the last day, newest first', async () => {
    const old = await store().create(input({ key_name: 'old' }));
    await leases().claim('w1', 1);
    await leases().finish('w1', old.id, { state: 'done' });
    db.clock.advance(25 * 60 * 60 * 1000);
    const recentDone = await store().create(input({ key_name: 'recent' }));
    await leases().claim('w1', 1);
    await leases().finish('w1', recentDone.id, { state: 'failed', failure: 'no' });
    db.clock.advance(1000);
    const open = await store().create(input({ key_name: 'open' }));
    await store().create(input({ key_name: 'elsewhere', project_id: 8 }));
    const names = (await store().list(7)).map((job) => job.key_name);
    expect(names).toEqual(['open', 'recent']);
    expect(open.state).toBe('queued');
  });

  it('purges finished jobs older than the retention and keeps everything else', async () => {
    const finished = await store().create(input({ key_name: 'finished' }));
    await leases().claim('w1', 1);
    await leases().finish('w1', finished.id, { state: 'done' });
    await store().create(input({ key_name: 'still-queued' }));
    db.clock.advance(91 * 24 * 60 * 60 * 1000);
    expect(await store().purge(90)).toBe(1);
    expect(await store().get(finished.id)).toBeUndefined();
    expect((await store().list(7)).map((job) => job.key_name)).toEqual(['still-queued']);
  });
});

describe('leases', () => {
  it('gives each queued job to one worker only, even when both claim at once', async () => {
    for (let index = 0; index < 6; index += 1) {
      await store().create(input({ key_name: `key-${index}`, deployments: [`model-${index}`] }));
    }
    const [first, second] = await Promise.all([leases().claim('w1', 4), leases().claim('w2', 4)]);
    const ids = [...(first ?? []), ...(second ?? [])].map((job) => job.id);
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
  });

  it('runs a key’s jobs in the order they were created, never two at once', async () => {
    // An edit posts a bind then an unbind of the same key, in the same millisecond.
    const bind = await store().create(input({ deployments: ['llama'] }));
    const unbind = await store().create(input({ kind: 'unbind', deployments: ['qwen'] }));
    const otherKey = await store().create(input({ key_name: 'other-key', deployments: ['phi'] }));
    const otherProject = await store().create(input({ project_id: 8 }));
    const claimed = await leases().claim('w1', 4);
    expect(claimed.map((job) => job.id).sort()).toEqual(
      [bind.id, otherKey.id, otherProject.id].sort(),
    );
    expect(await leases().claim('w2', 4)).toEqual([]);
    await leases().finish('w1', bind.id, { state: 'failed', failure: 'no' });
    expect((await leases().claim('w2', 4)).map((job) => job.id)).toEqual([unbind.id]);
  });

  it('runs the changes of one deployment one at a time, whatever their keys', async () => {
    const first = await store().create(input({ key_name: 'first', deployments: ['llama'] }));
    const second = await store().create(
      input({ key_name: 'second', deployments: ['qwen', 'llama'] }),
    );
    const elsewhere = await store().create(input({ key_name: 'third', deployments: ['phi'] }));
    const otherProject = await store().create(input({ key_name: 'fourth', project_id: 8 }));
    expect((await leases().claim('w1', 4)).map((job) => job.id).sort()).toEqual(
      [first.id, elsewhere.id, otherProject.id].sort(),
    );
    expect(await leases().claim('w2', 4)).toEqual([]);
    await leases().finish('w1', first.id, { state: 'done' });
    expect((await leases().claim('w2', 4)).map((job) => job.id)).toEqual([second.id]);
  });

  it('does not let a newer job of a key pass an older one that is still queued', async () => {
    const later = new Date(db.clock.now().getTime() + 60_000).toISOString();
    const first = await store().create(input({ run_after: later }));
    const second = await store().create(input({ kind: 'unbind' }));
    expect(await leases().claim('w1', 4)).toEqual([]);
    db.clock.advance(60_000);
    expect((await leases().claim('w1', 4)).map((job) => job.id)).toEqual([first.id]);
    expect((await store().get(second.id))?.state).toBe('queued');
  });

  it('waits for run_after before a job can be claimed', async () => {
    const later = new Date(db.clock.now().getTime() + 60_000).toISOString();
    await store().create(input({ run_after: later }));
    expect(await leases().claim('w1', 4)).toEqual([]);
    db.clock.advance(60_000);
    expect(await leases().claim('w1', 4)).toHaveLength(1);
  });

  it('re-queues a shared job whose worker stopped renewing, and another worker resumes it', async () => {
    const job = await store().create(input());
    await leases().claim('w1', 1);
    await leases().saveProgress('w1', job.id, {
      steps: [
        { deployment: 'llama', status: 'done', message: null },
        { deployment: 'qwen', status: 'pending', message: null },
      ],
      key_deleted: false,
      detail: null,
    });
    db.clock.advance(LEASE_MS - 1);
    expect(await leases().expire()).toEqual([]);
    db.clock.advance(2);
    expect((await leases().expire()).map((changed) => changed.state)).toEqual(['queued']);
    const [resumed] = await leases().claim('w2', 1);
    expect(resumed?.steps[0]?.status).toBe('done');
    expect(resumed?.attempts).toBe(2);
    // The first worker, back from a stall, can no longer write over its successor.
    expect(
      await leases().saveProgress('w1', job.id, { steps: [], key_deleted: true, detail: null }),
    ).toBe(false);
    expect(await leases().finish('w1', job.id, { state: 'done' })).toBeUndefined();
    expect(await leases().finish('w2', job.id, { state: 'done' })).toMatchObject({ state: 'done' });
  });

  it('keeps a lease its worker renews', async () => {
    const job = await store().create(input());
    await leases().claim('w1', 1);
    db.clock.advance(LEASE_MS - 1000);
    expect(await leases().renew('w1', [job.id])).toEqual(new Set([job.id]));
    db.clock.advance(LEASE_MS - 1000);
    expect(await leases().expire()).toEqual([]);
    expect(await leases().renew('w2', [job.id])).toEqual(new Set());
  });

  it('lets only the worker holding the token claim a personal job, and interrupts it when that worker dies', async () => {
    const job = await store().create(
      input({ token_mode: 'personal', holder: { workerId: 'w1', leaseMs: LEASE_MS } }),
    );
    expect(await leases().claim('w2', 4)).toEqual([]);
    expect((await leases().claim('w1', 4)).map((claimed) => claimed.id)).toEqual([job.id]);
    db.clock.advance(LEASE_MS + 1);
    await leases().expire();
    expect(await store().get(job.id)).toMatchObject({
      state: 'interrupted',
      failure: INTERRUPTED_FAILURE,
    });
    expect(await leases().claim('w2', 4)).toEqual([]);
  });

  it('on release puts shared jobs back in the queue and interrupts personal ones', async () => {
    const shared = await store().create(input());
    const personal = await store().create(
      input({ token_mode: 'personal', holder: { workerId: 'w1', leaseMs: LEASE_MS } }),
    );
    await leases().claim('w1', 4);
    await leases().release('w1');
    expect((await store().get(shared.id))?.state).toBe('queued');
    expect((await store().get(personal.id))?.state).toBe('interrupted');
  });
});

describe('retry', () => {
  it('re-queues a failed job with its failed steps pending and its done steps kept', async () => {
    const job = await store().create(input());
    await leases().claim('w1', 1);
    await leases().saveProgress('w1', job.id, {
      steps: [
        { deployment: 'llama', status: 'done', message: null },
        { deployment: 'qwen', status: 'failed', message: 'Gcore said no.' },
      ],
      key_deleted: false,
      detail: null,
    });
    await leases().finish('w1', job.id, { state: 'failed', failure: 'qwen failed' });
    const verdict = await store().retry(job.id, 'shared');
    expect(verdict.ok && verdict.job).toMatchObject({ state: 'queued', failure: null });
    expect(verdict.ok && verdict.job.steps.map((step) => step.status)).toEqual(['done', 'pending']);
  });

  it('refuses a job that is not failed or interrupted, and one that does not exist', async () => {
    const job = await store().create(input());
    expect(await store().retry(job.id, 'shared')).toEqual({
      ok: false,
      reason: 'not-retryable',
      state: 'queued',
    });
    expect(await store().retry('00000000-0000-4000-8000-000000000000', 'shared')).toEqual({
      ok: false,
      reason: 'not-found',
    });
  });

  it('holds a resumed personal job for the worker of the caller who resumed it', async () => {
    const job = await store().create(
      input({ token_mode: 'personal', holder: { workerId: 'gone', leaseMs: LEASE_MS } }),
    );
    db.clock.advance(LEASE_MS + 1);
    await leases().expire();
    await store().retry(job.id, 'personal', { workerId: 'w2', leaseMs: LEASE_MS });
    expect(await leases().claim('w3', 4)).toEqual([]);
    expect((await leases().claim('w2', 4)).map((claimed) => claimed.id)).toEqual([job.id]);
  });
});
