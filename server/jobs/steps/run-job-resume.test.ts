// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import type { JobProgress, JobRecord } from '../job-types.ts';
import { jobRecord } from '../../testing/job-harness.ts';
import { useJobHarness } from '../../testing/use-job-harness.ts';

/**
 * A job taken over while the PATCH of the worker that lost it is still running on Gcore: the
 * change has not landed yet, so a re-read alone would send it again. Tasks take a minute of the
 * test clock here, so none can end by itself while a test looks.
 */
const LLAMA = 'llama-3-8b-chat';
const MISTRAL = 'mistral-7b-instruct';
const GIVE_UP_MS = 2 * 60_000;
const harness = useJobHarness({ giveUpAfterMs: GIVE_UP_MS, taskDurationMs: 60_000 });

const patched = () => harness.sent('PATCH').map((entry) => entry.path.split('/').at(-1));

/**
 * A worker that PATCHed, saw its task still running, and lost its lease right then (the clock
 * held, so the task cannot end meanwhile). Returns the job as the store hands it to the next
 * worker: with the progress the first one saved last.
 */
async function loseLeaseMidTask(job: JobRecord): Promise<JobRecord> {
  harness.clock.pause();
  const lease = new AbortController();
  let saved: JobProgress | undefined;
  const first = harness.run(job, {
    signal: lease.signal,
    onReport: (progress) => {
      saved = structuredClone(progress);
    },
  });
  await vi.waitFor(() => expect(harness.sent('GET', '/cloud/v1/tasks/')).not.toHaveLength(0), {
    timeout: 10_000,
  });
  lease.abort(new Error('lease lost'));
  await expect(first).rejects.toThrow('lease lost');
  harness.clock.resume();
  return { ...job, ...saved };
}

describe('a job taken over while its PATCH’s task still runs', () => {
  it('bind: the task is polled, not PATCHed again; done once it lands', async () => {
    const resumed = await loseLeaseMidTask(
      jobRecord({ kind: 'bind', key_name: 'ci-pipeline', deployments: [MISTRAL] }),
    );
    expect(await harness.keysOf(MISTRAL)).toEqual(['mobile-app-prod']);
    const { outcome, reports } = await harness.run(resumed);
    expect(outcome).toEqual({ state: 'done' });
    expect(patched()).toEqual([MISTRAL]);
    expect(await harness.keysOf(MISTRAL)).toEqual(['mobile-app-prod', 'ci-pipeline']);
    expect(reports.at(-1)?.detail ?? null).toBeNull();
  });

  it('unbind: one PATCH per deployment, the one in flight waited for', async () => {
    const resumed = await loseLeaseMidTask(
      jobRecord({ kind: 'unbind', key_name: 'mobile-app-prod', deployments: [LLAMA, MISTRAL] }),
    );
    const { outcome } = await harness.run(resumed);
    expect(outcome).toEqual({ state: 'done' });
    expect(patched()).toEqual([LLAMA, MISTRAL]);
    expect(await harness.keysOf(LLAMA)).toEqual(['ci-pipeline']);
    expect(await harness.keysOf(MISTRAL)).toEqual([]);
  });

  it('detach-and-delete: one PATCH per deployment, then one DELETE', async () => {
    const job = jobRecord({
      kind: 'detach-and-delete',
      key_name: 'mobile-app-prod',
      deployments: [LLAMA, MISTRAL],
    });
    const { outcome, reports } = await harness.run(await loseLeaseMidTask(job));
    expect(outcome).toEqual({ state: 'done' });
    expect(patched()).toEqual([LLAMA, MISTRAL]);
    expect(harness.sent('DELETE')).toHaveLength(1);
    expect(reports.at(-1)?.detail).toEqual({
      phase: 'deleted',
      delete_sent: true,
      already_gone: false,
    });
  });

  it('after a restart the task cannot be polled (403): the deployment is re-read until it lands', async () => {
    const resumed = await loseLeaseMidTask(
      jobRecord({ kind: 'bind', key_name: 'ci-pipeline', deployments: [MISTRAL] }),
    );
    harness.restartGateway();
    const { outcome } = await harness.run(resumed);
    expect(outcome).toEqual({ state: 'done' });
    expect(patched()).toEqual([MISTRAL]);
    expect(await harness.keysOf(MISTRAL)).toEqual(['mobile-app-prod', 'ci-pipeline']);
  });

  it('a task the API no longer knows (404): the deployment is re-read until it lands', async () => {
    const resumed = await loseLeaseMidTask(
      jobRecord({ kind: 'bind', key_name: 'ci-pipeline', deployments: [MISTRAL] }),
    );
    harness.sandbox.faults.arm({ method: 'GET', path: '/cloud/v1/tasks/', status: 404, times: 99 });
    const { outcome } = await harness.run(resumed);
    expect(outcome).toEqual({ state: 'done' });
    expect(patched()).toEqual([MISTRAL]);
    expect(await harness.keysOf(MISTRAL)).toEqual(['mobile-app-prod', 'ci-pipeline']);
  });

  it('after a restart, a change that never lands is sent again only once its task window passed', async () => {
    harness.sandbox.tasks.arm({ outcome: 'error', deployment: MISTRAL, error: 'Node lost.' });
    const resumed = await loseLeaseMidTask(
      jobRecord({ kind: 'bind', key_name: 'ci-pipeline', deployments: [MISTRAL] }),
    );
    harness.restartGateway();
    const { outcome } = await harness.run(resumed);
    expect(outcome).toEqual({ state: 'done' });
    expect(patched()).toEqual([MISTRAL, MISTRAL]);
    const [first, second] = harness.sent('PATCH').map((entry) => Date.parse(entry.at));
    expect((second ?? 0) - (first ?? 0)).toBeGreaterThanOrEqual(GIVE_UP_MS);
    expect(await harness.keysOf(MISTRAL)).toEqual(['mobile-app-prod', 'ci-pipeline']);
  });

  it('a task still running when the step gave up: Retry polls it again, no second PATCH', async () => {
    harness.sandbox.tasks.arm({ outcome: 'never', deployment: MISTRAL });
    const job = jobRecord({ kind: 'bind', key_name: 'ci-pipeline', deployments: [MISTRAL] });
    const first = await harness.run(job);
    const saved = first.reports.at(-1);
    const retried = await harness.run({ ...job, ...saved, steps: job.steps });
    expect(retried.reports.at(-1)?.steps[0]?.message).toMatch(/had not finished after 2 minutes/);
    expect(patched()).toEqual([MISTRAL]);
  });
});
