// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startSandboxServer } from '../../server';
import { sandboxCaller } from '../../testing/sandbox-test-client';
import { freshSandboxEachTest } from '../../testing/fresh-sandbox';

/**
 * The v3 Decisions of the shared contract notes that v3-keys and v3-deployments do not pin down
 * on their own: list order and duplicates, derived and sorted `deployment_names`, one project's
 * deployment never touched through another's, faults and task outcomes aimed at one deployment
 * among several, and the task duration read from SANDBOX_TASK_MS.
 */
const BASE = '/cloud/v3/inference/1';
const fresh = freshSandboxEachTest('2026-12-02T10:00:00Z');
const { call, clock } = fresh;

const patch = async (deployment: string, body: unknown, base = BASE) =>
  call('PATCH', `${base}/deployments/${deployment}`, { body });
const keysOf = async (deployment: string, base = BASE) =>
  ((await call('GET', `${base}/deployments/${deployment}`)).json as { api_keys: unknown }).api_keys;

describe('v3 binding Decisions', () => {
  it('collapses duplicate names and keeps the order sent; one update_inference_instance task', async () => {
    const res = await patch('llama-3-8b-chat', {
      api_keys: ['old-demo', 'ci-pipeline', 'old-demo', 'mobile-app-prod'],
    });
    const { tasks } = res.json as { tasks: string[] };
    expect(tasks).toHaveLength(1);
    const task = await call('GET', `/cloud/v1/tasks/${tasks[0] ?? ''}`);
    expect(task.json).toMatchObject({ task_type: 'update_inference_instance', project_id: 1 });
    clock.advance(3000);
    expect(await keysOf('llama-3-8b-chat')).toEqual(['old-demo', 'ci-pipeline', 'mobile-app-prod']);
  });

  it('derives deployment_names from the deployments, sorted by name whatever the binding order', async () => {
    await patch('whisper-large-v3', { api_keys: ['old-demo'] });
    await patch('bge-m3-embeddings', { api_keys: ['old-demo'] });
    clock.advance(3000);
    expect((await call('GET', `${BASE}/api_keys/old-demo`)).json).toMatchObject({
      deployment_names: ['bge-m3-embeddings', 'whisper-large-v3'],
    });
  });

  it('refuses an unknown key in api_keys synchronously with a 404 naming it, and changes nothing', async () => {
    const res = await patch('llama-3-8b-chat', { api_keys: ['ci-pipeline', 'ghost-key'] });
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({ message: expect.stringContaining('ghost-key') });
    clock.advance(60_000);
    expect(await keysOf('llama-3-8b-chat')).toEqual(['ci-pipeline', 'mobile-app-prod']);
  });

  it('ignores auth_enabled alone: no task, nothing changes', async () => {
    expect((await patch('llama-3-8b-chat', { auth_enabled: false })).json).toEqual({ tasks: [] });
    expect(await keysOf('llama-3-8b-chat')).toEqual(['ci-pipeline', 'mobile-app-prod']);
  });

  it('addresses deployments per project: a name shared with another project stays apart', async () => {
    await patch('llama-3-8b-chat', { api_keys: [] });
    clock.advance(3000);
    expect(await keysOf('llama-3-8b-chat')).toBeNull();
    expect(await keysOf('llama-3-8b-chat', '/cloud/v3/inference/2')).toEqual(['staging-tests']);
  });

  it('drops from a pending binding a key deleted while its task ran', async () => {
    await call('POST', `${BASE}/api_keys`, { body: { name: 'short-lived' } });
    await patch('whisper-large-v3', { api_keys: ['short-lived', 'old-demo'] });
    expect((await call('DELETE', `${BASE}/api_keys/short-lived`)).status).toBe(204);
    clock.advance(3000);
    expect(await keysOf('whisper-large-v3')).toEqual(['old-demo']);
  });
});

describe('v3 failures aimed at one deployment among several', () => {
  it('an ordinary fault on one deployment PATCH leaves the others to bind', async () => {
    fresh.sandbox.faults.arm({ method: 'PATCH', path: `${BASE}/deployments/mistral-7b-instruct` });
    const answers = await Promise.all(
      ['llama-3-8b-chat', 'mistral-7b-instruct', 'whisper-large-v3'].map((d) =>
        patch(d, { api_keys: ['old-demo'] }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 500, 200]);
    clock.advance(3000);
    expect(await keysOf('llama-3-8b-chat')).toEqual(['old-demo']);
    expect(await keysOf('mistral-7b-instruct')).toEqual(['mobile-app-prod']);
    expect(await keysOf('whisper-large-v3')).toEqual(['old-demo']);
  });

  it('a task outcome armed for one deployment, `times` over, then tasks finish again', async () => {
    fresh.sandbox.tasks.arm({ outcome: 'error', deployment: 'whisper-large-v3', times: 2 });
    const ids: string[] = [];
    for (const d of ['llama-3-8b-chat', 'whisper-large-v3', 'whisper-large-v3', 'whisper-large-v3'])
      ids.push(...((await patch(d, { api_keys: ['old-demo'] })).json as { tasks: string[] }).tasks);
    clock.advance(3000);
    const states = await Promise.all(
      ids.map(
        async (id) =>
          ((await call('GET', `/cloud/v1/tasks/${id}`)).json as { state: string }).state,
      ),
    );
    expect(states).toEqual(['FINISHED', 'ERROR', 'ERROR', 'FINISHED']);
  });
});

describe('SANDBOX_TASK_MS', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('sets how long a task takes: 0 finishes at once', async () => {
    vi.stubEnv('SANDBOX_TASK_MS', '0');
    const server = await startSandboxServer();
    try {
      const remote = sandboxCaller(server.sandbox);
      const res = await remote('PATCH', `${BASE}/deployments/whisper-large-v3`, {
        body: { api_keys: ['old-demo'] },
      });
      const [id = ''] = (res.json as { tasks: string[] }).tasks;
      expect((await remote('GET', `/cloud/v1/tasks/${id}`)).json).toMatchObject({
        state: 'FINISHED',
      });
    } finally {
      await server.close();
    }
  });

  it('refuses a value it cannot use, naming the variable', async () => {
    vi.stubEnv('SANDBOX_TASK_MS', 'soon');
    await expect(startSandboxServer()).rejects.toThrow(/SANDBOX_TASK_MS/);
  });
});
