// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { jobRecord } from '../../testing/job-harness.ts';
import { useJobHarness } from '../../testing/use-job-harness.ts';
import { pendingPatchesOf } from './pending-patch.ts';

/**
 * bind and unbind against the sandbox, through a real gateway, on the test clock: what Gcore
 * ends up with, which calls were made, and what the job says of itself.
 */
const LLAMA = 'llama-3-8b-chat';
const MISTRAL = 'mistral-7b-instruct';
const WHISPER = 'whisper-large-v3';
const DEPLOYMENTS = '/cloud/v3/inference/1/deployments';
const harness = useJobHarness({ giveUpAfterMs: 2 * 60_000 });

const bind = (deployments: string[], extra = {}) =>
  jobRecord({ kind: 'bind', key_name: 'ci-pipeline', deployments, ...extra });

describe('a bind job', () => {
  it('binds two deployments: one PATCH each, their tasks polled, the result re-read', async () => {
    const { outcome, reports } = await harness.run(bind([MISTRAL, WHISPER]));
    expect(outcome).toEqual({ state: 'done' });
    expect(await harness.keysOf(MISTRAL)).toEqual(['mobile-app-prod', 'ci-pipeline']);
    expect(await harness.keysOf(WHISPER)).toEqual(['ci-pipeline']);
    expect(harness.sent('PATCH').map((entry) => entry.path)).toEqual([
      `${DEPLOYMENTS}/${MISTRAL}`,
      `${DEPLOYMENTS}/${WHISPER}`,
    ]);
    expect(harness.sent('GET', '/cloud/v1/tasks/').length).toBeGreaterThanOrEqual(2);
    // Saved as it went: each step running, its PATCH's tasks (before they are polled), done.
    const pendingOn = (detail: unknown) =>
      pendingPatchesOf(detail).map((patch) => patch.deployment);
    expect(
      reports.map((report) => [
        ...report.steps.map((step) => step.status),
        pendingOn(report.detail),
      ]),
    ).toEqual([
      ['running', 'pending', []],
      ['running', 'pending', [MISTRAL]],
      ['done', 'pending', []],
      ['done', 'running', []],
      ['done', 'running', [WHISPER]],
      ['done', 'done', []],
    ]);
  });

  it('a deployment that already has the key: nothing is sent to it', async () => {
    const { outcome } = await harness.run(bind([LLAMA]));
    expect(outcome).toEqual({ state: 'done' });
    expect(harness.sent('PATCH')).toEqual([]);
  });

  it('a worker that died after the PATCH landed: the job run again sends no second PATCH', async () => {
    await harness.run(bind([MISTRAL]));
    // As saved before the worker died: the step running, the change already on Gcore.
    const again = bind([MISTRAL], {
      steps: [{ deployment: MISTRAL, status: 'running', message: null }],
    });
    const { outcome, reports } = await harness.run(again);
    expect(outcome).toEqual({ state: 'done' });
    expect(harness.sent('PATCH')).toHaveLength(1);
    expect(reports.at(-1)?.steps).toEqual([{ deployment: MISTRAL, status: 'done', message: null }]);
  });

  it('a lost lease stops it without a failure; resumed, it does only what is left', async () => {
    const lease = new AbortController();
    const first = harness.run(bind([MISTRAL, WHISPER]), {
      signal: lease.signal,
      onReport: (progress) => {
        if (progress.steps[0]?.status === 'done') lease.abort(new Error('lease lost'));
      },
    });
    await expect(first).rejects.toThrow('lease lost');
    const { outcome } = await harness.run(
      bind([], {
        steps: [
          { deployment: MISTRAL, status: 'done', message: null },
          { deployment: WHISPER, status: 'running', message: null },
        ],
      }),
    );
    expect(outcome).toEqual({ state: 'done' });
    expect(harness.sent('PATCH').map((entry) => entry.path)).toEqual([
      `${DEPLOYMENTS}/${MISTRAL}`,
      `${DEPLOYMENTS}/${WHISPER}`,
    ]);
  });

  it('a task that ends in ERROR: that step fails with the API’s reason, the others go on', async () => {
    harness.sandbox.tasks.arm({ outcome: 'error', deployment: MISTRAL, error: 'Quota exceeded.' });
    const { outcome, reports } = await harness.run(bind([MISTRAL, WHISPER]));
    const steps = reports.at(-1)?.steps ?? [];
    expect(steps[0]).toMatchObject({
      status: 'failed',
      message: expect.stringMatching(
        /^Binding ci-pipeline to mistral-7b-instruct failed\. The API's task \S+ failed: Quota exceeded\.$/,
      ),
    });
    expect(steps[1]).toMatchObject({ status: 'done' });
    expect(outcome).toEqual({
      state: 'failed',
      failure:
        'Binding ci-pipeline to mistral-7b-instruct failed: ci-pipeline does not unlock mistral-7b-instruct until it is bound. Retry binds only what is missing.',
    });
    expect(await harness.keysOf(MISTRAL)).toEqual(['mobile-app-prod']);
  });

  it('a 503 from the API: asked again after a pause, and bound', async () => {
    harness.sandbox.faults.arm({ method: 'PATCH', path: `${DEPLOYMENTS}/${WHISPER}`, status: 503 });
    const started = harness.clock.now();
    const { outcome } = await harness.run(bind([WHISPER]));
    expect(outcome).toEqual({ state: 'done' });
    expect(await harness.keysOf(WHISPER)).toEqual(['ci-pipeline']);
    expect(harness.sent('PATCH').map((entry) => entry.faultId === null)).toEqual([false, true]);
    expect(harness.clock.now() - started).toBeGreaterThanOrEqual(1_000);
  });

  it('an API down for good: given up after the bounded time, the last answer recorded', async () => {
    harness.sandbox.faults.arm({ path: `${DEPLOYMENTS}/${WHISPER}`, status: 503, times: 1000 });
    const started = harness.clock.now();
    const { outcome, reports } = await harness.run(bind([WHISPER]));
    expect(outcome.state).toBe('failed');
    expect(reports.at(-1)?.steps[0]?.message).toMatch(
      /^Binding ci-pipeline to whisper-large-v3 failed\. Gave up after 2 minutes of retrying\. The last answer: .+\(request ID \w+\)$/,
    );
    expect(harness.clock.now() - started).toBeLessThanOrEqual(2 * 60_000);
    expect(harness.clock.now() - started).toBeGreaterThan(60_000);
  });

  it('a task that never ends: given up with its id, saying it may still finish', async () => {
    harness.sandbox.tasks.arm({ outcome: 'never', deployment: WHISPER });
    const { reports } = await harness.run(bind([WHISPER]));
    expect(reports.at(-1)?.steps[0]?.message).toMatch(
      /The API's task \S+ had not finished after 2 minutes; it may still finish\. Retry checks again\.$/,
    );
  });

  it('names who started it in the audit line of its PATCH', async () => {
    await harness.run(bind([WHISPER], { started_by: 'Zoë <zoe@example.com>' }));
    const audits = harness.lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.type === 'audit');
    expect(audits).toEqual([
      expect.objectContaining({
        user: 'Zoë <zoe@example.com>',
        action: 'bind',
        deployment: WHISPER,
        key_name: 'ci-pipeline',
        keys_added: ['ci-pipeline'],
        status: 200,
      }),
    ]);
  });
});

describe('an unbind job', () => {
  it('detaches the key from each deployment, leaving the other keys', async () => {
    const job = jobRecord({
      kind: 'unbind',
      key_name: 'mobile-app-prod',
      deployments: [LLAMA, MISTRAL],
    });
    const { outcome } = await harness.run(job);
    expect(outcome).toEqual({ state: 'done' });
    expect(await harness.keysOf(LLAMA)).toEqual(['ci-pipeline']);
    expect(await harness.keysOf(MISTRAL)).toEqual([]);
  });
});
