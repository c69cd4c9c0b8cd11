import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../lib/api-error';
import {
  applyBindingChange,
  type BindingApi,
  type BindingClock,
  type BindingStep,
} from './binding-orchestrator';
import type { DeploymentV3, Task } from './deployment-v3-schemas';

type TaskScript = { polls: number; outcome: 'FINISHED' | 'ERROR' | 'NEVER'; error?: string };

/** A deployment store whose PATCHes apply when their task finishes, as Gcore's do. */
function fakeApi(
  initial: Record<string, string[]>,
  script: TaskScript = { polls: 2, outcome: 'FINISHED' },
) {
  const keys = new Map(Object.entries(initial));
  const tasks = new Map<string, { polls: number; apply: () => void }>();
  const calls: string[] = [];
  let concurrentWrite: ((name: string) => void) | undefined;
  const deployment = (name: string): DeploymentV3 => ({
    name,
    status: 'ACTIVE',
    address: null,
    description: null,
    created_at: null,
    api_keys: [...(keys.get(name) ?? [])],
  });
  const api: BindingApi = {
    getDeployment: async (name) => {
      calls.push(`GET ${name}`);
      return deployment(name);
    },
    setDeploymentKeys: async (name, apiKeys) => {
      calls.push(`PATCH ${name} ${JSON.stringify(apiKeys)}`);
      const id = `task-${tasks.size + 1}`;
      tasks.set(id, { polls: 0, apply: () => keys.set(name, apiKeys) });
      concurrentWrite?.(name);
      return [id];
    },
    getTask: async (id) => {
      calls.push(`TASK ${id}`);
      const task = tasks.get(id);
      if (!task) throw new Error(`unknown task ${id}`);
      task.polls += 1;
      let state: Task['state'] = task.polls === 1 ? 'NEW' : 'RUNNING';
      if (script.outcome !== 'NEVER' && task.polls > script.polls) {
        state = script.outcome;
        if (state === 'FINISHED') task.apply();
      }
      return {
        id,
        state,
        task_type: 'update_inference_instance',
        error: state === 'ERROR' ? (script.error ?? null) : null,
      };
    },
  };
  return {
    api,
    calls,
    keys,
    onPatch: (write: (name: string) => void) => (concurrentWrite = write),
  };
}

function fakeClock(): BindingClock & { slept: number[] } {
  let now = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
}

describe('applyBindingChange', () => {
  it('re-reads the deployment right before its PATCH, sends the whole list and polls until FINISHED', async () => {
    const fake = fakeApi({ llama: ['old-key'] });
    const clock = fakeClock();
    const steps: BindingStep[] = [];
    const outcome = await applyBindingChange(
      { deployment: 'llama', keyName: 'new-key', attach: true },
      { api: fake.api, clock, onStep: (step) => steps.push(step) },
    );
    expect(outcome).toEqual({ status: 'done', apiKeys: ['old-key', 'new-key'], changed: true });
    expect(fake.calls).toEqual([
      'GET llama',
      'PATCH llama ["old-key","new-key"]',
      'TASK task-1',
      'TASK task-1',
      'TASK task-1',
      'GET llama',
    ]);
    expect(clock.slept).toEqual([3000, 3000]);
    expect(steps).toEqual(['reading', 'patching', 'waiting', 'verifying']);
  });

  it('sends nothing when the key is already where it should be', async () => {
    const fake = fakeApi({ llama: ['k1', 'k2'] });
    const outcome = await applyBindingChange(
      { deployment: 'llama', keyName: 'k2', attach: true },
      { api: fake.api, clock: fakeClock() },
    );
    expect(outcome).toEqual({ status: 'done', apiKeys: ['k1', 'k2'], changed: false });
    expect(fake.calls).toEqual(['GET llama']);
  });

  it('treats an empty task list as already done, then re-reads', async () => {
    const fake = fakeApi({ llama: [] });
    fake.api.setDeploymentKeys = async (name, apiKeys) => {
      fake.keys.set(name, apiKeys);
      return [];
    };
    const outcome = await applyBindingChange(
      { deployment: 'llama', keyName: 'k', attach: true },
      { api: fake.api, clock: fakeClock() },
    );
    expect(outcome).toEqual({ status: 'done', apiKeys: ['k'], changed: true });
  });

  it('reports a task that ends in ERROR with its reason and the list re-read after it', async () => {
    const fake = fakeApi({ llama: ['a'] }, { polls: 1, outcome: 'ERROR', error: 'quota exceeded' });
    const outcome = await applyBindingChange(
      { deployment: 'llama', keyName: 'k', attach: true },
      { api: fake.api, clock: fakeClock() },
    );
    expect(outcome).toEqual({
      status: 'failed',
      message: "The API's task failed: quota exceeded",
      taskId: 'task-1',
      apiKeys: ['a'],
    });
  });

  it('gives up after the configured time with "still running" and the task id, not a failure', async () => {
    const fake = fakeApi({ llama: [] }, { polls: 0, outcome: 'NEVER' });
    const clock = fakeClock();
    const outcome = await applyBindingChange(
      { deployment: 'llama', keyName: 'k', attach: true },
      { api: fake.api, clock, pollIntervalMs: 3000, giveUpAfterMs: 5 * 60_000 },
    );
    expect(outcome).toEqual({ status: 'still-running', taskIds: ['task-1'] });
    expect(clock.now()).toBeLessThanOrEqual(5 * 60_000);
    expect(clock.slept).toHaveLength(100);
  });

  it('keeps waiting through polls that fail on the way, and still gives up as "still running"', async () => {
    const fake = fakeApi({ llama: [] });
    const clock = fakeClock();
    const unreachable = new ApiError({ kind: 'network', message: 'The connection failed' });
    const api = { ...fake.api, getTask: () => Promise.reject(unreachable) };
    const outcome = await applyBindingChange(
      { deployment: 'llama', keyName: 'k', attach: true },
      { api, clock, pollIntervalMs: 3000, giveUpAfterMs: 60_000 },
    );
    expect(outcome).toEqual({ status: 'still-running', taskIds: ['task-1'] });
  });

  it('reports a poll refused for good (404) as a failure with the task id', async () => {
    const fake = fakeApi({ llama: [] });
    const gone = new ApiError({ kind: 'http', status: 404, message: 'Task not found' });
    const api = { ...fake.api, getTask: () => Promise.reject(gone) };
    const outcome = await applyBindingChange(
      { deployment: 'llama', keyName: 'k', attach: true },
      { api, clock: fakeClock() },
    );
    expect(outcome).toEqual({
      status: 'failed',
      message: 'Task not found',
      taskId: 'task-1',
      apiKeys: null,
    });
  });

  it('detects a lost update: another writer replaced the list after our PATCH', async () => {
    const fake = fakeApi({ llama: ['a'] });
    // The other writer's PATCH lands after ours and drops our key: last writer wins.
    fake.onPatch(() => {
      const original = fake.api.getTask;
      fake.api.getTask = async (id) => {
        const task = await original(id);
        if (task.state === 'FINISHED') fake.keys.set('llama', ['a', 'someone-else']);
        return task;
      };
    });
    const outcome = await applyBindingChange(
      { deployment: 'llama', keyName: 'k', attach: true },
      { api: fake.api, clock: fakeClock() },
    );
    expect(outcome).toEqual({ status: 'overridden', apiKeys: ['a', 'someone-else'] });
  });

  it('turns a failed call into a failure the user can retry', async () => {
    const fake = fakeApi({ llama: [] });
    fake.api.setDeploymentKeys = async () => {
      throw new Error('The connection to the API failed (network error).');
    };
    const outcome = await applyBindingChange(
      { deployment: 'llama', keyName: 'k', attach: true },
      { api: fake.api, clock: fakeClock() },
    );
    expect(outcome).toMatchObject({
      status: 'failed',
      message: /connection to the API failed/,
      apiKeys: null,
    });
  });

  it('detaches by sending the list without the key', async () => {
    const fake = fakeApi({ llama: ['a', 'k', 'b'] });
    const outcome = await applyBindingChange(
      { deployment: 'llama', keyName: 'k', attach: false },
      { api: fake.api, clock: fakeClock() },
    );
    expect(outcome).toEqual({ status: 'done', apiKeys: ['a', 'b'], changed: true });
    expect(fake.calls[1]).toBe('PATCH llama ["a","b"]');
  });
});
