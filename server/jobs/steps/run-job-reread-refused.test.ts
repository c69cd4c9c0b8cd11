// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { jobRecord } from '../../testing/job-harness.ts';
import { useJobHarness } from '../../testing/use-job-harness.ts';

/**
 * The API refuses a step's re-read of its deployment (the failure-matrix row "4xx on re-read"),
 * against the sandbox through a real gateway on the test clock.
 */
const LLAMA = 'llama-3-8b-chat';
const MISTRAL = 'mistral-7b-instruct';
const WHISPER = 'whisper-large-v3';
const DEPLOYMENTS = '/cloud/v3/inference/1/deployments';
const harness = useJobHarness({ giveUpAfterMs: 2 * 60_000 });

const sent = (method: string) => harness.sent(method, '/');
const keysOf = (deployment: string) => harness.keysOf(deployment);
const bind = (deployments: string[]) =>
  jobRecord({ kind: 'bind', key_name: 'ci-pipeline', deployments });

describe('the API refuses the re-read of the deployment', () => {
  it('404, the deployment gone: a bind fails naming it, with the API’s answer', async () => {
    const { outcome, reports } = await harness.run(bind(['no-such-deployment']));

    expect(outcome.state).toBe('failed');
    expect(reports.at(-1)?.steps[0]?.message).toMatch(
      /^Binding ci-pipeline to no-such-deployment failed\. .+\(request ID \S+\)$/,
    );
    expect(sent('PATCH')).toEqual([]);
  });

  it('404, the deployment gone: a detach has nothing left to do there, and the others go on', async () => {
    const job = jobRecord({
      kind: 'unbind',
      key_name: 'mobile-app-prod',
      deployments: ['no-such-deployment', MISTRAL],
    });
    const { outcome, reports } = await harness.run(job);

    expect(outcome).toEqual({ state: 'done' });
    expect(reports.at(-1)?.steps.map((step) => step.status)).toEqual(['done', 'done']);
    expect(await keysOf(MISTRAL)).toEqual([]);
  });

  it('404, the deployment gone: detach and delete goes on to delete the key', async () => {
    const job = jobRecord({
      kind: 'detach-and-delete',
      key_name: 'mobile-app-prod',
      deployments: [LLAMA, 'no-such-deployment', MISTRAL],
    });
    const { outcome, reports } = await harness.run(job);

    expect(outcome).toEqual({ state: 'done' });
    expect(reports.at(-1)?.key_deleted).toBe(true);
    expect(await keysOf(LLAMA)).toEqual(['ci-pipeline']);
    expect(sent('DELETE')).toHaveLength(1);
  });

  it('403: failed at once with the API’s reason, nothing PATCHed', async () => {
    harness.sandbox.faults.arm({ method: 'GET', path: `${DEPLOYMENTS}/${WHISPER}`, status: 403 });
    const started = harness.clock.now();
    const { outcome, reports } = await harness.run(bind([WHISPER]));

    expect(outcome.state).toBe('failed');
    expect(reports.at(-1)?.steps[0]?.message).toMatch(
      /^Binding ci-pipeline to whisper-large-v3 failed\. .*403.*\(request ID \S+\)$/,
    );
    expect(harness.clock.now() - started).toBeLessThan(1_000);
    expect(sent('PATCH')).toEqual([]);
  });
});
