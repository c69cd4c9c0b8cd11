// @vitest-environment node
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createJobIdentity } from '../gateway/job-identity.ts';
import { jobRecord, startJobHarness, type JobHarness } from '../testing/job-harness.ts';
import { GatewayCallError } from './gateway-call-error.ts';
import { createGatewayClient } from './gateway-client.ts';

const WHISPER = 'whisper-large-v3';
const DEPLOYMENTS = '/cloud/v3/inference/1/deployments';
let shared: JobHarness;
let personal: JobHarness;

beforeAll(async () => {
  [shared, personal] = await Promise.all([
    startJobHarness(),
    startJobHarness({ tokenMode: 'personal' }),
  ]);
});
afterEach(() => {
  shared.reset();
  personal.reset();
});
afterAll(() => Promise.all([shared.close(), personal.close()]));

const bind = () => jobRecord({ kind: 'bind', key_name: 'ci-pipeline', deployments: [WHISPER] });
const scope = (signal = new AbortController().signal) => ({
  projectId: 1,
  startedBy: 'alice',
  authorization: undefined,
  signal,
});

describe('a personal-token job', () => {
  it('reaches the API with its caller’s token, on every call', async () => {
    const authorization = `APIKey ${personal.sandbox.token}`;
    expect((await personal.run(bind(), { authorization })).outcome).toEqual({ state: 'done' });
    const verdicts = personal.sandbox.requestLog.entries().map((entry) => entry.authorization);
    expect(verdicts.length).toBeGreaterThanOrEqual(3);
    expect(new Set(verdicts)).toEqual(new Set(['valid']));
  });

  it('without a token: refused once, not retried, and the step says what the API said', async () => {
    const { outcome, reports } = await personal.run(bind(), { authorization: undefined });
    expect(outcome.state).toBe('failed');
    expect(personal.sandbox.requestLog.entries()).toHaveLength(1);
    expect(reports.at(-1)?.steps[0]?.message).toMatch(
      /^Binding ci-pipeline to whisper-large-v3 failed\. .+ \(request ID \w+\)$/,
    );
  });
});

describe('the gateway client', () => {
  it('an answer outside the contract: refused as such, its outcome unknown', async () => {
    shared.sandbox.faults.arm({ path: `${DEPLOYMENTS}/${WHISPER}`, status: 200, body: { a: 1 } });
    const error = await shared.gateway
      .forJob(scope())
      .getDeployment(WHISPER)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GatewayCallError);
    expect(error).toMatchObject({ kind: 'invalid-answer', outcomeUnknown: true, transient: false });
  });

  it('no answer within the call’s deadline: a time-out, worth retrying', async () => {
    const silent: typeof fetch = (_url, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new Error('aborted')));
      });
    const client = createGatewayClient({
      port: () => 1,
      identity: createJobIdentity(),
      callTimeoutMs: 1,
      fetch: silent,
    });
    const error = await client
      .forJob(scope())
      .deleteKey('old-demo')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'timeout', outcomeUnknown: true, transient: true });
  });
});

describe('a job whose lease is lost while it waits for a task', () => {
  it('stops at once, rejecting with the reason, and reports no failure', async () => {
    shared.clock.pause();
    const lease = new AbortController();
    const reports: string[] = [];
    const running = shared.run(bind(), {
      signal: lease.signal,
      onReport: (progress) => reports.push(progress.steps[0]?.status ?? ''),
    });
    const polls = () =>
      shared.sandbox.requestLog.entries().filter((entry) => entry.path.startsWith('/cloud/v1/'));
    await vi.waitFor(() => expect(polls()).toHaveLength(1));
    lease.abort(new Error('lease lost'));
    await expect(running).rejects.toThrow('lease lost');
    // Saved while it ran (the step, then its PATCH's tasks), never as failed.
    expect(reports).toEqual(['running', 'running']);
  });
});
