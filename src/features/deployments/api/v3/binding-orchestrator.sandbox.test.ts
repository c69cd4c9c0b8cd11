// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../../lib/api-error';
import { setupSandbox } from '../../../../test/sandbox-server';
import { keysAdapterV3 } from '../../../api-keys/api/v3/api-key-v3-adapter';
import { applyBindingChange, type BindingApi, type BindingClock } from './binding-orchestrator';
import { bindingApiV3 } from './deployment-v3-calls';

/**
 * The orchestrator against the real test sandbox (v3 routes, real tasks, faults), for the
 * multi-step rows of docs/failure-matrix.md. Only `Date` is faked: the sandbox's tasks age on it
 * and the orchestrator's sleeps move it, so a 5-minute give-up takes milliseconds.
 */
const sandbox = setupSandbox();
const PROJECT = 1;
const BASE = `/cloud/v3/inference/${PROJECT}`;
const LLAMA = 'llama-3-8b-chat';
const MISTRAL = 'mistral-7b-instruct';
const WHISPER = 'whisper-large-v3';
const KEY = 'matrix-new-key';
const api = bindingApiV3(PROJECT);
const clock: BindingClock = {
  now: () => Date.now(),
  sleep: async (ms) => {
    vi.setSystemTime(Date.now() + ms);
  },
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-02T10:00:00Z'));
});
afterEach(() => vi.useRealTimers());

const attach = (deployment: string, options: { api?: BindingApi; keyName?: string } = {}) =>
  applyBindingChange(
    { deployment, keyName: options.keyName ?? KEY, attach: true },
    { api: options.api ?? api, clock },
  );
const detach = (deployment: string, keyName: string) =>
  applyBindingChange({ deployment, keyName, attach: false }, { api, clock });
const keysOf = async (deployment: string) => (await api.getDeployment(deployment)).api_keys;
const createKey = () =>
  keysAdapterV3.createKey(PROJECT, {
    name: KEY,
    description: null,
    expiresAt: null,
    deploymentRefs: [],
  });

describe('create with three bindings, against the sandbox', () => {
  it('one PATCH failing among three: the key and its secret stand, two bound, the third retried', async () => {
    const created = await createKey();
    sandbox.faults.arm({ method: 'PATCH', path: `${BASE}/deployments/${MISTRAL}`, status: 503 });
    const outcomes = await Promise.all([LLAMA, MISTRAL, WHISPER].map((d) => attach(d)));
    expect(created.secret).not.toBe('');
    expect(outcomes.map((o) => o.status)).toEqual(['done', 'failed', 'done']);
    expect(outcomes[1]).toMatchObject({ taskId: null, message: expect.stringMatching(/503/) });
    expect((await keysAdapterV3.getKey(PROJECT, KEY)).deploymentRefs).toEqual([LLAMA, WHISPER]);
    expect(await keysOf(MISTRAL)).toEqual(['mobile-app-prod']);
    // Retry: the same call again, re-reading first.
    expect(await attach(MISTRAL)).toMatchObject({ status: 'done', changed: true });
    expect((await keysAdapterV3.getKey(PROJECT, KEY)).deploymentRefs).toEqual([
      LLAMA,
      MISTRAL,
      WHISPER,
    ]);
  });

  it('a task that ends in ERROR: failed with its reason and task id, nothing applied', async () => {
    await createKey();
    sandbox.tasks.arm({ outcome: 'error', deployment: WHISPER, error: 'Quota exceeded.' });
    const outcome = await attach(WHISPER);
    expect(outcome).toMatchObject({
      status: 'failed',
      message: "The API's task failed: Quota exceeded.",
      taskId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      apiKeys: [],
    });
    expect(await keysOf(WHISPER)).toEqual([]);
    expect(await attach(WHISPER)).toMatchObject({ status: 'done', apiKeys: [KEY] });
  });

  it('a task that never ends: gives up after 5 minutes with the task id, not a failure', async () => {
    await createKey();
    sandbox.tasks.arm({ outcome: 'never', deployment: LLAMA });
    const started = Date.now();
    const outcome = await attach(LLAMA);
    expect(outcome).toEqual({ status: 'still-running', taskIds: [expect.any(String)] });
    expect(Date.now() - started).toBeLessThanOrEqual(5 * 60_000);
    expect(Date.now() - started).toBeGreaterThan(5 * 60_000 - 3_000);
    expect(await keysOf(LLAMA)).toEqual(['ci-pipeline', 'mobile-app-prod']);
  });
});

describe('network and concurrency, against the sandbox', () => {
  it('the connection drops before the PATCH lands: failed, nothing changed, Retry binds', async () => {
    await createKey();
    sandbox.faults.arm({ method: 'PATCH', path: `${BASE}/deployments/${LLAMA}`, drop: true });
    const outcome = await attach(LLAMA);
    expect(outcome).toMatchObject({ status: 'failed', taskId: null, apiKeys: null });
    expect(outcome.status === 'failed' && outcome.message).toMatch(/connection/i);
    expect(await keysOf(LLAMA)).toEqual(['ci-pipeline', 'mobile-app-prod']);
    expect(await attach(LLAMA)).toMatchObject({ status: 'done', changed: true });
  });

  it('the answer is lost after the PATCH landed: Retry re-reads and sends nothing twice', async () => {
    await createKey();
    const lostAnswer: BindingApi = {
      ...api,
      setDeploymentKeys: async (name, keys) => {
        await api.setDeploymentKeys(name, keys);
        throw new ApiError({ kind: 'network', message: 'The connection to the API failed.' });
      },
    };
    expect(await attach(LLAMA, { api: lostAnswer })).toMatchObject({ status: 'failed' });
    await clock.sleep(3_000);
    const patches = () => sandbox.requestLog.entries().filter((e) => e.method === 'PATCH').length;
    expect(await attach(LLAMA)).toMatchObject({ status: 'done', changed: false });
    expect(patches()).toBe(1);
    expect(await keysOf(LLAMA)).toEqual(['ci-pipeline', 'mobile-app-prod', KEY]);
  });

  it('a task poll fails on the way (502): the wait goes on, and the binding is reported done', async () => {
    await createKey();
    sandbox.faults.arm({ method: 'GET', path: '/cloud/v1/tasks/', status: 502 });
    const outcome = await attach(LLAMA);
    expect(outcome).toMatchObject({ status: 'done', changed: true });
    expect(await keysOf(LLAMA)).toContain(KEY);
  });

  it('a concurrent edit from a stale read wins: the lost update is reported as overridden', async () => {
    await createKey();
    const stale = await keysOf(LLAMA);
    // Another tab read the list before our PATCH landed and writes it back right after ours.
    const raced: BindingApi = {
      ...api,
      setDeploymentKeys: async (name, keys) => {
        const ours = await api.setDeploymentKeys(name, keys);
        await api.setDeploymentKeys(name, [...stale, 'old-demo']);
        return ours;
      },
    };
    const outcome = await attach(LLAMA, { api: raced });
    expect(outcome).toEqual({
      status: 'overridden',
      apiKeys: ['ci-pipeline', 'mobile-app-prod', 'old-demo'],
    });
  });
});

describe('detach and delete, against the sandbox', () => {
  it('409 on delete of an attached key: explained by the API, the key kept', async () => {
    const error = await keysAdapterV3.deleteKey(PROJECT, 'mobile-app-prod').catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, message: expect.stringContaining(LLAMA) });
    expect((await keysAdapterV3.getKey(PROJECT, 'mobile-app-prod')).deploymentRefs).toEqual([
      LLAMA,
      MISTRAL,
    ]);
  });

  it('detach succeeded, delete failed: the key exists with no bindings, Retry deletes', async () => {
    const detached = await Promise.all([LLAMA, MISTRAL].map((d) => detach(d, 'mobile-app-prod')));
    expect(detached.map((o) => o.status)).toEqual(['done', 'done']);
    sandbox.faults.arm({ method: 'DELETE', path: `${BASE}/api_keys/mobile-app-prod`, status: 500 });
    const error = await keysAdapterV3.deleteKey(PROJECT, 'mobile-app-prod').catch((e) => e);
    expect(error).toMatchObject({ kind: 'http', status: 500 });
    expect((await keysAdapterV3.getKey(PROJECT, 'mobile-app-prod')).deploymentRefs).toEqual([]);
    // MISTRAL had no other key: it is public now, as the typed confirmation warned.
    expect(await keysOf(MISTRAL)).toEqual([]);
    expect(await keysAdapterV3.deleteKey(PROJECT, 'mobile-app-prod')).toBe('deleted');
  });
});
