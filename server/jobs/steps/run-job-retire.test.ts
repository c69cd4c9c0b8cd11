// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { JobState, Rotation } from '../../../src/features/jobs/api/job-contract.ts';
import type { JobRecord } from '../job-types.ts';
import { jobRecord } from '../../testing/job-harness.ts';
import { callApi, useJobHarness } from '../../testing/use-job-harness.ts';
import { AFTER_JOB_RECHECK_MS } from './retire-after-job.ts';

/** A v3 rotation's retirement against the sandbox, through a real gateway, on the test clock. */
const LLAMA = 'llama-3-8b-chat';
const MISTRAL = 'mistral-7b-instruct';
const OLD = 'mobile-app-prod';
const NEW = 'ci-pipeline';
const BASE = '/cloud/v3/inference/1';
const BIND_JOB = '0b7f6a1e-2c3d-4e5f-8a9b-0c1d2e3f4a5b';
const harness = useJobHarness({ giveUpAfterMs: 60_000 });

const keysOf = (deployment: string) => harness.keysOf(deployment);
const keyExists = async (name: string) =>
  (await callApi(harness, 'GET', `${BASE}/api_keys/${name}`)).status === 200;
const sent = (method: string) => harness.sent(method, '/');
const rotation = (extra: Partial<Rotation> = {}): Rotation => ({
  replaced_by: NEW,
  key_id: null,
  replaced_by_id: null,
  after_job: null,
  ...extra,
});
const retire = (extra: Partial<JobRecord> = {}) =>
  jobRecord({
    kind: 'retire',
    key_name: OLD,
    deployments: [LLAMA, MISTRAL],
    rotation: rotation(),
    ...extra,
  });
/** The new key bound where the old one is, as a rotation's bind job leaves it. */
const bindNewKeyToMistral = async () => {
  await harness.run(jobRecord({ kind: 'bind', key_name: NEW, deployments: [MISTRAL] }));
  harness.sandbox.requestLog.clear();
};

describe('a v3 retirement', () => {
  it('with the new key bound beside the old one: the old key leaves both deployments, then is deleted', async () => {
    await bindNewKeyToMistral();
    const { outcome, reports } = await harness.run(retire());
    expect(outcome).toEqual({ state: 'done' });
    expect(await keysOf(LLAMA)).toEqual([NEW]);
    expect(await keysOf(MISTRAL)).toEqual([NEW]);
    expect(await keyExists(OLD)).toBe(false);
    expect(await keyExists(NEW)).toBe(true);
    expect(sent('PATCH').map((entry) => entry.path)).toEqual([
      `${BASE}/deployments/${LLAMA}`,
      `${BASE}/deployments/${MISTRAL}`,
    ]);
    expect(sent('DELETE').map((entry) => entry.path)).toEqual([`${BASE}/api_keys/${OLD}`]);
    expect(reports.at(-1)?.key_deleted).toBe(true);
  });

  it('a deployment the new key is not on: left alone, that step fails, and the old key is not deleted', async () => {
    const { outcome, reports } = await harness.run(retire());
    expect(outcome).toMatchObject({ state: 'failed' });
    const steps = reports.at(-1)?.steps ?? [];
    expect(steps[0]).toMatchObject({ deployment: LLAMA, status: 'done' });
    expect(steps[1]).toEqual({
      deployment: MISTRAL,
      status: 'failed',
      message: `Detaching ${OLD} from ${MISTRAL} failed. ${NEW} is not in ${MISTRAL}’s keys, so ${OLD} was left there: removing it would lock out ${MISTRAL}’s callers, or open it to anyone if no key were left. Bind ${NEW} to ${MISTRAL}, then retire ${OLD} again.`,
    });
    expect(sent('PATCH').map((entry) => entry.path)).toEqual([`${BASE}/deployments/${LLAMA}`]);
    expect(await keysOf(MISTRAL)).toEqual([OLD]);
    expect(sent('DELETE')).toEqual([]);
    expect(await keyExists(OLD)).toBe(true);
  });
});

describe('a retirement with no rotation on record', () => {
  it('fails saying so, without calling the API', async () => {
    const job = jobRecord({ kind: 'retire', key_name: OLD, deployments: [LLAMA] });
    expect((await harness.run(job)).outcome).toEqual({
      state: 'failed',
      failure: 'This retirement names no key that replaces the old one, so nothing was retired.',
    });
    expect(harness.sandbox.requestLog.entries()).toEqual([]);
  });
});

describe('a retirement waits for the new key’s bind job', () => {
  const after = (state: JobState) =>
    harness.run(retire({ rotation: rotation({ after_job: BIND_JOB }) }), {
      jobStates: { [BIND_JOB]: state },
    });

  it.each(['queued', 'running'] as const)(
    'while it is %s: postponed a few seconds, nothing sent',
    async (state) => {
      const before = harness.clock.now();
      const { outcome } = await after(state);
      const until = outcome.state === 'postponed' ? outcome.until.getTime() : 0;
      expect(outcome.state).toBe('postponed');
      expect(until).toBeGreaterThanOrEqual(before + AFTER_JOB_RECHECK_MS);
      expect(until).toBeLessThanOrEqual(harness.clock.now() + AFTER_JOB_RECHECK_MS);
      expect(sent('PATCH')).toEqual([]);
      expect(sent('DELETE')).toEqual([]);
    },
  );

  it.each(['failed', 'interrupted', 'cancelled'] as const)(
    'when it ended %s: the retirement fails, saying what to do, and the old key stays',
    async (state) => {
      const { outcome } = await after(state);
      expect(outcome).toEqual({
        state: 'failed',
        failure: `The bindings of ${NEW} did not complete (its bind job is ${state}), so ${OLD} was not retired and still works. Retry the bindings of ${NEW}, then Retire now.`,
      });
      expect(sent('PATCH')).toEqual([]);
      expect(await keyExists(OLD)).toBe(true);
    },
  );

  it('once it is done: the retirement runs', async () => {
    await bindNewKeyToMistral();
    const { outcome } = await after('done');
    expect(outcome).toEqual({ state: 'done' });
    expect(await keyExists(OLD)).toBe(false);
  });
});
