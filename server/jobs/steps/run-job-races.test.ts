// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jobRecord } from '../../testing/job-harness.ts';
import { asApi, useJobHarness } from '../../testing/use-job-harness.ts';
import { pendingPatchesOf } from './pending-patch.ts';

/**
 * The failure-matrix rows a bind meets between its calls, against the sandbox through a real
 * gateway on the test clock: another writer on the same deployment, a task poll that keeps
 * failing, a connection dropped during the PATCH.
 */
const MISTRAL = 'mistral-7b-instruct';
const WHISPER = 'whisper-large-v3';
const DEPLOYMENTS = '/cloud/v3/inference/1/deployments';
// Tasks end before the first retry's pause (1 s): a PATCH that landed shows at the re-read.
const harness = useJobHarness({ giveUpAfterMs: 2 * 60_000, taskDurationMs: 600 });
afterEach(() => vi.restoreAllMocks());

const keysOf = (deployment: string) => harness.keysOf(deployment);
/** PATCHes that reached the sandbox's handler (not answered by an armed fault). */
const patchesApplied = () =>
  harness.sandbox.requestLog
    .entries()
    .filter((entry) => entry.method === 'PATCH' && entry.faultId === null);
const bind = (deployments: string[], extra = {}) =>
  jobRecord({ kind: 'bind', key_name: 'ci-pipeline', deployments, ...extra });

/**
 * The sandbox's handler with `after` run once the job's first PATCH was handled, before its
 * answer goes back: what happens on Gcore's side while the answer travels.
 */
function afterTheJobsPatch(after: () => Promise<Response | null>) {
  const real = harness.sandbox.fetch;
  let seen = false;
  vi.spyOn(harness.sandbox, 'fetch').mockImplementation(async (request, env) => {
    const answer = await real(request, env);
    if (request.method !== 'PATCH' || seen) return answer;
    seen = true;
    return (await after()) ?? answer;
  });
  return real;
}

describe('another writer PATCHes the deployment meanwhile (no ETag: the last writer wins)', () => {
  it('overridden: the job fails saying so, leaves the other list, and a retry binds it', async () => {
    const real = afterTheJobsPatch(async () => {
      // A colleague adds old-demo to the list they read before the job's PATCH: no ci-pipeline.
      const theirs = { api_keys: ['mobile-app-prod', 'old-demo'] };
      await real(asApi(harness, 'PATCH', `${DEPLOYMENTS}/${MISTRAL}`, theirs));
      return null;
    });
    const { outcome, reports } = await harness.run(bind([MISTRAL]));

    expect(outcome.state).toBe('failed');
    expect(reports.at(-1)?.steps[0]).toEqual({
      deployment: MISTRAL,
      status: 'failed',
      message:
        'Binding ci-pipeline to mistral-7b-instruct failed. Someone changed the deployment’s keys at the same time, and the key is not in its list.',
    });
    expect(await keysOf(MISTRAL)).toEqual(['mobile-app-prod', 'old-demo']);

    vi.restoreAllMocks();
    const retried = await harness.run(bind([MISTRAL]));
    expect(retried.outcome).toEqual({ state: 'done' });
    expect(await keysOf(MISTRAL)).toEqual(['mobile-app-prod', 'old-demo', 'ci-pipeline']);
  });
});

describe('a task poll that keeps failing', () => {
  for (const [what, fault] of [
    ['503', { status: 503 }],
    ['a dropped connection', { drop: true }],
  ] as const) {
    it(`${what} on every poll until the bound time: failed, saying the task may still finish`, async () => {
      harness.sandbox.faults.arm({ method: 'GET', path: '/cloud/v1/tasks/', ...fault, times: 1e4 });
      const started = harness.clock.now();
      const { outcome, reports } = await harness.run(bind([WHISPER]));

      expect(outcome.state).toBe('failed');
      expect(reports.at(-1)?.steps[0]?.message).toMatch(
        /^Binding ci-pipeline to whisper-large-v3 failed\. The API's task \S+ had not finished after 2 minutes; it may still finish\. Retry checks again\.$/,
      );
      expect(harness.clock.now() - started).toBeLessThanOrEqual(2 * 60_000);
      // Its PATCH stays saved: Retry waits for that task instead of sending the change again.
      expect(pendingPatchesOf(reports.at(-1)?.detail)).toHaveLength(1);
      expect(patchesApplied()).toHaveLength(1);
    });
  }

  it('a retry once the polls answer again: no second PATCH, bound', async () => {
    harness.sandbox.faults.arm({
      method: 'GET',
      path: '/cloud/v1/tasks/',
      status: 503,
      times: 1e4,
    });
    const first = await harness.run(bind([WHISPER]));
    harness.sandbox.faults.clear();
    const last = first.reports.at(-1);

    const { outcome } = await harness.run(bind([WHISPER], { ...last, state: 'running' }));

    expect(outcome).toEqual({ state: 'done' });
    expect(patchesApplied()).toHaveLength(1);
    expect(await keysOf(WHISPER)).toEqual(['ci-pipeline']);
  });
});

describe('the connection drops during the PATCH', () => {
  it('before it reached the API: asked again after a pause, one PATCH lands', async () => {
    harness.sandbox.faults.arm({ method: 'PATCH', path: `${DEPLOYMENTS}/${WHISPER}`, drop: true });
    const { outcome } = await harness.run(bind([WHISPER]));

    expect(outcome).toEqual({ state: 'done' });
    expect(patchesApplied()).toHaveLength(1);
    expect(await keysOf(WHISPER)).toEqual(['ci-pipeline']);
  });

  it('after it landed: the re-read finds the key there and sends no second PATCH', async () => {
    afterTheJobsPatch(async () => Response.error());
    const { outcome, reports } = await harness.run(bind([WHISPER]));

    expect(outcome).toEqual({ state: 'done' });
    expect(reports.at(-1)?.steps[0]?.status).toBe('done');
    expect(patchesApplied()).toHaveLength(1);
    expect(await keysOf(WHISPER)).toEqual(['ci-pipeline']);
  });
});
