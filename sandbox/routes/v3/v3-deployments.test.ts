// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { v3Spec } from '../../../contract/spec-validator';
import { DEPLOYMENTS } from '../../testing/sandbox-test-client';
import { freshSandboxEachTest } from '../../testing/fresh-sandbox';

const BASE = '/cloud/v3/inference/1';
const LLAMA = `${BASE}/deployments/llama-3-8b-chat`;
const WHISPER = `${BASE}/deployments/whisper-large-v3`;
const fresh = freshSandboxEachTest('2025-06-01T12:00:00Z');
const { call, clock } = fresh;

const keysOf = async (path: string) =>
  ((await call('GET', path)).json as { api_keys: unknown }).api_keys;
const taskState = async (id: string) =>
  ((await call('GET', `/cloud/v1/tasks/${id}`)).json as { state: string }).state;

describe('v3 deployments: binding by PATCH and tasks', () => {
  it('lists deployments valid for the spec, keys by name, null when none', async () => {
    const res = await call('GET', `${BASE}/deployments`);
    expect(v3Spec.validateListAgainstSpec('InferenceInstanceOutSerializerV3', res.json)).toEqual(
      [],
    );
    expect(await keysOf(LLAMA)).toEqual(['ci-pipeline', 'mobile-app-prod']);
    expect(await keysOf(WHISPER)).toBeNull();
  });

  it('applies a PATCH only when its task finishes: NEW → RUNNING → FINISHED', async () => {
    const res = await call('PATCH', WHISPER, { body: { api_keys: ['old-demo'] } });
    expect(v3Spec.validateAgainstSpec('TaskIDsSerializer', res.json)).toEqual([]);
    const [task] = (res.json as { tasks: string[] }).tasks;
    const id = task ?? '';
    const got = await call('GET', `/cloud/v1/tasks/${id}`);
    expect(v3Spec.validateAgainstSpec('TaskSerializer', got.json)).toEqual([]);
    expect(await taskState(id)).toBe('NEW');
    clock.advance(1500);
    expect(await taskState(id)).toBe('RUNNING');
    expect(await keysOf(WHISPER)).toBeNull();
    clock.advance(1500);
    expect(await keysOf(WHISPER)).toEqual(['old-demo']);
    expect(await taskState(id)).toBe('FINISHED');
    // Both views of the one relation moved together.
    expect((await call('GET', `${BASE}/api_keys/old-demo`)).json).toMatchObject({
      deployment_names: ['whisper-large-v3'],
    });
    const v2 = await call('GET', `${DEPLOYMENTS}?project_id=1&limit=1000`);
    expect(JSON.stringify(v2.json)).toMatch(
      /whisper-large-v3.*"auth_enabled":true|"auth_enabled":true.*whisper-large-v3/s,
    );
  });

  it('answers no task for a PATCH that changes nothing, or leaves the list alone', async () => {
    const same = await call('PATCH', LLAMA, {
      body: { api_keys: ['ci-pipeline', 'mobile-app-prod'] },
    });
    expect(same.json).toEqual({ tasks: [] });
    expect((await call('PATCH', LLAMA, { body: { api_keys: null } })).json).toEqual({ tasks: [] });
  });

  it('turns authentication off with [] (the deployment becomes public)', async () => {
    const res = await call('PATCH', LLAMA, { body: { api_keys: [] } });
    expect((res.json as { tasks: string[] }).tasks).toHaveLength(1);
    clock.advance(3000);
    expect((await call('GET', LLAMA)).json).toMatchObject({ api_keys: null, auth_enabled: false });
  });

  it.each([
    [{ api_keys: ['no-such-key'] }, 404, 'NotFoundError'],
    [{ api_keys: ['ci-pipeline'], auth_enabled: true }, 400, 'ValidationError'],
    [{ api_keys: 'ci-pipeline' }, 400, 'ValidationError'],
    [{ image: 'evil:latest' }, 400, 'ValidationError'],
  ])('refuses %j synchronously, with no task', async (body, status, exceptionClass) => {
    const res = await call('PATCH', LLAMA, { body });
    expect(res.status).toBe(status);
    expect(res.json).toMatchObject({ exception_class: exceptionClass });
  });

  it('arms task outcomes: one ends in ERROR and changes nothing, one never ends', async () => {
    fresh.sandbox.tasks.arm({
      outcome: 'error',
      deployment: 'whisper-large-v3',
      error: 'quota exceeded',
    });
    const failed = (await call('PATCH', WHISPER, { body: { api_keys: ['old-demo'] } })).json as {
      tasks: string[];
    };
    fresh.sandbox.tasks.arm({ outcome: 'never' });
    const stuck = (await call('PATCH', LLAMA, { body: { api_keys: ['ci-pipeline'] } })).json as {
      tasks: string[];
    };
    clock.advance(60_000);
    const error = await call('GET', `/cloud/v1/tasks/${failed.tasks[0] ?? ''}`);
    expect(error.json).toMatchObject({ state: 'ERROR', error: 'quota exceeded' });
    expect(await keysOf(WHISPER)).toBeNull();
    expect(await taskState(stuck.tasks[0] ?? '')).toBe('RUNNING');
    expect(await keysOf(LLAMA)).toEqual(['ci-pipeline', 'mobile-app-prod']);
    expect((await call('GET', '/cloud/v1/tasks/unknown')).status).toBe(404);
  });
});

describe('POST /__sandbox/tasks', () => {
  it('arms a task outcome for tests, and refuses a spec it cannot follow', async () => {
    const armed = await call('POST', '/__sandbox/tasks', {
      body: { outcome: 'error', error: 'boom' },
    });
    expect(armed.status).toBe(204);
    const { tasks } = (await call('PATCH', WHISPER, { body: { api_keys: ['old-demo'] } })).json as {
      tasks: string[];
    };
    clock.advance(3000);
    expect((await call('GET', `/cloud/v1/tasks/${tasks[0] ?? ''}`)).json).toMatchObject({
      state: 'ERROR',
      error: 'boom',
    });
    expect((await call('POST', '/__sandbox/tasks', { body: { outcome: 'maybe' } })).status).toBe(
      400,
    );
  });
});
