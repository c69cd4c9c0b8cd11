import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api-error';
import type { BindingApi, BindingClock } from '../api/v3/binding-orchestrator';
import {
  initialDetachAndDelete,
  runDetachAndDelete,
  type DeleteKeyResult,
  type DetachAndDeleteDeps,
} from './detach-and-delete';

/** Deployments whose PATCH lands when its task is polled; `failNext` makes one task end in ERROR. */
function fakeWorld(initial: Record<string, string[]>) {
  const keys = new Map(Object.entries(initial));
  const calls: string[] = [];
  const failNext = new Set<string>();
  const tasks = new Map<string, { deployment: string; apply: () => void }>();
  const api: BindingApi = {
    getDeployment: async (name) => ({
      name,
      status: 'ACTIVE',
      address: null,
      description: null,
      created_at: null,
      api_keys: [...(keys.get(name) ?? [])],
    }),
    setDeploymentKeys: async (name, apiKeys) => {
      calls.push(`PATCH ${name} ${JSON.stringify(apiKeys)}`);
      const id = `task-${tasks.size + 1}`;
      tasks.set(id, { deployment: name, apply: () => keys.set(name, apiKeys) });
      return [id];
    },
    getTask: async (id) => {
      const task = tasks.get(id);
      if (!task) throw new Error(`unknown task ${id}`);
      const fails = failNext.delete(task.deployment);
      if (!fails) task.apply();
      return {
        id,
        state: fails ? 'ERROR' : 'FINISHED',
        task_type: null,
        error: fails ? 'boom' : null,
      };
    },
  };
  let now = 0;
  const clock: BindingClock = { now: () => now, sleep: async (ms) => void (now += ms) };
  const deleteAnswers: (DeleteKeyResult | Error)[] = [];
  const deleteKey = async () => {
    calls.push('DELETE key');
    const answer = deleteAnswers.shift() ?? 'deleted';
    if (answer instanceof Error) throw answer;
    return answer;
  };
  const deps: DetachAndDeleteDeps = { api, clock, deleteKey, pollIntervalMs: 10 };
  return { keys, calls, failNext, deleteAnswers, deps };
}

const conflict = () =>
  new ApiError({
    kind: 'http',
    status: 409,
    exceptionClass: 'ConflictError',
    message: 'API key k1 is attached to deployment c.',
    requestId: 'req-9',
  });

describe('runDetachAndDelete', () => {
  it('detaches from each deployment in order, then deletes the key', async () => {
    const world = fakeWorld({ a: ['k1', 'k2'], b: ['k1'] });
    const seen: (string | null)[] = [];
    const end = await runDetachAndDelete(initialDetachAndDelete('k1', ['a', 'b']), {
      ...world.deps,
      onProgress: (_state, current) => seen.push(current),
    });
    expect(world.calls).toEqual(['PATCH a ["k2"]', 'PATCH b []', 'DELETE key']);
    expect(end).toMatchObject({ detached: ['a', 'b'], remaining: [], keyDeleted: true });
    expect(end.failure).toBeNull();
    expect(seen).toEqual(['a', 'b', null, null]);
  });

  it('stops at a failed detach: no later deployment touched, no DELETE, the key still exists', async () => {
    const world = fakeWorld({ a: ['k1'], b: ['k1'], c: ['k1'] });
    world.failNext.add('b');
    const end = await runDetachAndDelete(initialDetachAndDelete('k1', ['a', 'b', 'c']), world.deps);
    expect(world.calls).toEqual(['PATCH a []', 'PATCH b []']);
    expect(end).toMatchObject({ detached: ['a'], remaining: ['b', 'c'], keyDeleted: false });
    expect(end.failure).toEqual({
      stage: 'detach',
      deployment: 'b',
      message: "The API's task failed: boom",
    });
    expect(world.keys.get('b')).toEqual(['k1']);
  });

  it('Retry resumes at the deployment that failed and never re-patches those done', async () => {
    const world = fakeWorld({ a: ['k1'], b: ['k1'], c: ['k1'] });
    world.failNext.add('b');
    const stopped = await runDetachAndDelete(
      initialDetachAndDelete('k1', ['a', 'b', 'c']),
      world.deps,
    );
    world.calls.length = 0;
    const end = await runDetachAndDelete(stopped, world.deps);
    expect(world.calls).toEqual(['PATCH b []', 'PATCH c []', 'DELETE key']);
    expect(end).toMatchObject({ detached: ['a', 'b', 'c'], keyDeleted: true, failure: null });
  });

  it('explains a 409 on DELETE in plain words with the API message, and Retry finds the new attachment', async () => {
    const world = fakeWorld({ a: ['k1'], c: [] });
    world.deleteAnswers.push(conflict());
    const stopped = await runDetachAndDelete(initialDetachAndDelete('k1', ['a']), world.deps);
    expect(stopped).toMatchObject({ detached: ['a'], remaining: [], keyDeleted: false });
    expect(stopped.failure).toMatchObject({ stage: 'delete', conflict: true });
    expect(stopped.failure?.message).toMatch(/still attached to a deployment/);
    expect(stopped.failure?.message).toMatch(/attached it while it was being detached/);
    expect(stopped.failure?.message).toContain(
      'API key k1 is attached to deployment c. (request ID req-9)',
    );

    world.keys.set('c', ['k1']); // the concurrent attach the 409 was about
    world.calls.length = 0;
    const end = await runDetachAndDelete(stopped, {
      ...world.deps,
      reloadDeployments: async () => ['c'],
    });
    expect(world.calls).toEqual(['PATCH c []', 'DELETE key']);
    expect(end).toMatchObject({ detached: ['a', 'c'], keyDeleted: true, failure: null });
  });

  it('says the outcome is unknown when the DELETE gets no answer, and a key already gone counts as deleted', async () => {
    const world = fakeWorld({ a: ['k1'] });
    world.deleteAnswers.push(
      new ApiError({ kind: 'network', message: 'Connection failed.' }),
      'already-gone',
    );
    const stopped = await runDetachAndDelete(initialDetachAndDelete('k1', ['a']), world.deps);
    expect(stopped.failure).toMatchObject({ stage: 'delete', outcomeUnknown: true });
    expect(stopped.failure?.message).toMatch(/may or may not be deleted/);
    const end = await runDetachAndDelete(stopped, world.deps);
    expect(end).toMatchObject({ keyDeleted: true, alreadyGone: true, failure: null });
  });

  it('treats a detach that never finishes as a stop, naming the task, not as a failure to delete past', async () => {
    const world = fakeWorld({ a: ['k1'] });
    const never: BindingApi = {
      ...world.deps.api,
      getTask: async (id) => ({ id, state: 'RUNNING', task_type: null, error: null }),
    };
    const end = await runDetachAndDelete(initialDetachAndDelete('k1', ['a']), {
      ...world.deps,
      api: never,
      giveUpAfterMs: 100,
    });
    expect(world.calls).toEqual(['PATCH a []']);
    expect(end.failure?.message).toMatch(/still in progress \(task task-1\)/);
    expect(end.keyDeleted).toBe(false);
  });
});
