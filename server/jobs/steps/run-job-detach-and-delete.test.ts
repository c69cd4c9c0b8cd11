// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { JobRecord } from '../job-types.ts';
import { jobRecord } from '../../testing/job-harness.ts';
import { callApi, useJobHarness } from '../../testing/use-job-harness.ts';

/** detach-and-delete against the sandbox, through a real gateway, on the test clock. */
const LLAMA = 'llama-3-8b-chat';
const MISTRAL = 'mistral-7b-instruct';
const KEY = 'mobile-app-prod';
const BASE = '/cloud/v3/inference/1';
const harness = useJobHarness({ giveUpAfterMs: 60_000 });

const keyExists = async () =>
  (await callApi(harness, 'GET', `${BASE}/api_keys/${KEY}`)).status === 200;
const detachAndDelete = (deployments: string[], extra: Partial<JobRecord> = {}) =>
  jobRecord({ kind: 'detach-and-delete', key_name: KEY, deployments, ...extra });
const done = (deployment: string) => ({ deployment, status: 'done' as const, message: null });

describe('a detach-and-delete job', () => {
  it('detaches the key from each deployment, then deletes it', async () => {
    const { outcome, reports } = await harness.run(detachAndDelete([LLAMA, MISTRAL]));
    expect(outcome).toEqual({ state: 'done' });
    expect(await keyExists()).toBe(false);
    expect((await callApi(harness, 'GET', `${BASE}/deployments/${LLAMA}`)).body.api_keys).toEqual([
      'ci-pipeline',
    ]);
    expect(harness.sent('PATCH')).toHaveLength(2);
    expect(harness.sent('DELETE').map((entry) => entry.path)).toEqual([`${BASE}/api_keys/${KEY}`]);
    expect(reports.at(-1)).toEqual({
      steps: [done(LLAMA), done(MISTRAL)],
      key_deleted: true,
      detail: { phase: 'deleted', delete_sent: true, already_gone: false },
    });
  });

  it('resumed after its detaches: no deployment is touched again, only the DELETE is sent', async () => {
    await harness.run(jobRecord({ kind: 'unbind', key_name: KEY, deployments: [LLAMA, MISTRAL] }));
    harness.sandbox.requestLog.clear();
    const resumed = detachAndDelete([], {
      steps: [done(LLAMA), done(MISTRAL)],
      detail: { phase: 'deleting', delete_sent: false, already_gone: false },
    });
    const { outcome } = await harness.run(resumed);
    expect(outcome).toEqual({ state: 'done' });
    expect(harness.sent('PATCH')).toEqual([]);
    expect(harness.sent('DELETE')).toHaveLength(1);
    expect(await keyExists()).toBe(false);
  });

  it('a detach that fails: the key is not deleted, and the job says it still exists', async () => {
    harness.sandbox.tasks.arm({ outcome: 'error', deployment: MISTRAL, error: 'Quota exceeded.' });
    const { outcome, reports } = await harness.run(detachAndDelete([LLAMA, MISTRAL]));
    expect(outcome).toEqual({
      state: 'failed',
      failure:
        'Deleting mobile-app-prod stopped: detaching it from mistral-7b-instruct failed, so mobile-app-prod still exists and mistral-7b-instruct still accepts it. Retry goes on from there.',
    });
    expect(harness.sent('DELETE')).toEqual([]);
    expect(await keyExists()).toBe(true);
    expect(reports.at(-1)?.key_deleted).toBe(false);
  });

  it('attached somewhere it did not know (409): detaches it there too, then deletes', async () => {
    const { outcome, reports } = await harness.run(detachAndDelete([LLAMA]));
    expect(outcome).toEqual({ state: 'done' });
    expect(reports.at(-1)?.steps).toEqual([done(LLAMA), done(MISTRAL)]);
    expect(harness.sent('DELETE')).toHaveLength(2);
    expect(await keyExists()).toBe(false);
  });

  it('no answer to the delete until it gives up: may or may not be deleted; Retry finishes it', async () => {
    const path = `${BASE}/api_keys/${KEY}`;
    harness.sandbox.faults.arm({ method: 'DELETE', path, status: 500, times: 1000 });
    const first = await harness.run(detachAndDelete([LLAMA, MISTRAL]));
    expect(first.outcome).toMatchObject({
      state: 'failed',
      failure: expect.stringMatching(
        /^No answer to the delete of mobile-app-prod \(retried until it was given up\): it may or may not be deleted\./,
      ),
    });
    const saved = first.reports.at(-1);
    expect(saved?.detail).toEqual({ phase: 'deleting', delete_sent: true, already_gone: false });
    harness.sandbox.faults.clear();
    const again = await harness.run(
      detachAndDelete([], { steps: saved?.steps ?? [], detail: saved?.detail }),
    );
    expect(again.outcome).toEqual({ state: 'done' });
    expect(again.reports.at(-1)?.key_deleted).toBe(true);
    expect(await keyExists()).toBe(false);
  });

  it('a key someone else deleted first: done, and the job says it was already gone', async () => {
    const job = jobRecord({ kind: 'detach-and-delete', key_name: 'no-such-key', deployments: [] });
    const { outcome, reports } = await harness.run(job);
    expect(outcome).toEqual({ state: 'done' });
    expect(reports.at(-1)?.detail).toMatchObject({ phase: 'deleted', already_gone: true });
  });

  it('resumed after a delete whose answer was lost: a 404 is its own delete, not someone else’s', async () => {
    const resumed = jobRecord({
      kind: 'detach-and-delete',
      key_name: 'no-such-key',
      deployments: [],
      detail: { phase: 'deleting', delete_sent: true, already_gone: false },
    });
    const { outcome, reports } = await harness.run(resumed);
    expect(outcome).toEqual({ state: 'done' });
    expect(reports.at(-1)).toMatchObject({
      key_deleted: true,
      detail: { phase: 'deleted', already_gone: false },
    });
  });
});
