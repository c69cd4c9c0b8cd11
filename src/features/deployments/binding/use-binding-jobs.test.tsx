import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { setupSandbox } from '../../../test/sandbox-server';
import { testClock } from '../../../test/test-clock';
import { bindingApiV3 } from '../api/v3/deployment-v3-calls';
import { useBindingChangeJobs, useBindingJobs } from './use-binding-jobs';
import { usePendingBindings } from './use-pending-bindings';
import { useBindingFailures } from './use-binding-failures';

const sandbox = setupSandbox();
const PROJECT = 1;
const deployments = ['whisper-large-v3', 'mistral-7b-instruct'];

function harness() {
  const client = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  return { client, wrapper };
}

const useBoth = (keyName: string) => ({
  jobs: useBindingJobs({ projectId: PROJECT, keyName, attach: true, deployments }),
  pending: usePendingBindings(PROJECT),
});

const keysOf = async (deployment: string) =>
  (await bindingApiV3(PROJECT).getDeployment(deployment)).api_keys;

describe('useBindingJobs against the v3 sandbox', () => {
  it('binds each deployment, shows it pending meanwhile, and refreshes keys and deployments', async () => {
    const { client, wrapper } = harness();
    client.setQueryData(['api-keys', PROJECT], 'stale');
    client.setQueryData(['deployments', PROJECT], 'stale');
    const { result } = renderHook(() => useBoth('old-demo'), { wrapper });
    expect(result.current.jobs.items.map((i) => i.state.status)).toEqual(['idle', 'idle']);

    testClock.pause();
    act(() => result.current.jobs.start());
    await waitFor(() => expect(result.current.pending.get('old-demo')).toEqual(deployments));
    expect(result.current.jobs.items.every((i) => i.state.status === 'pending')).toBe(true);
    testClock.resume();

    await waitFor(() => expect(result.current.jobs.settled).toBe(true));
    expect(result.current.jobs.items.map((i) => i.state)).toEqual([
      { status: 'done', changed: true },
      { status: 'done', changed: true },
    ]);
    expect(result.current.pending.size).toBe(0);
    expect(await keysOf('whisper-large-v3')).toEqual(['old-demo']);
    expect(await keysOf('mistral-7b-instruct')).toEqual(['mobile-app-prod', 'old-demo']);
    await waitFor(() => {
      expect(client.getQueryState(['api-keys', PROJECT])?.isInvalidated).toBe(true);
      expect(client.getQueryState(['deployments', PROJECT])?.isInvalidated).toBe(true);
    });
  });

  it('keeps running after the component unmounts, and a new one sees the result', async () => {
    const { client, wrapper } = harness();
    const first = renderHook(() => useBoth('old-demo'), { wrapper });
    act(() => first.result.current.jobs.start());
    first.unmount();
    const second = renderHook(() => useBoth('old-demo'), { wrapper });
    await waitFor(() => expect(second.result.current.jobs.settled).toBe(true));
    expect(second.result.current.jobs.items.map((i) => i.state.status)).toEqual(['done', 'done']);
    expect(await keysOf('whisper-large-v3')).toEqual(['old-demo']);
    expect(client.getMutationCache().getAll()).toHaveLength(2);
  });

  it('reports a task that fails with its reason, and Retry binds it', async () => {
    sandbox.tasks.arm({ outcome: 'error', deployment: 'whisper-large-v3', error: 'GPU quota' });
    const { wrapper } = harness();
    const { result } = renderHook(() => useBoth('old-demo'), { wrapper });
    act(() => result.current.jobs.start());
    await waitFor(() => expect(result.current.jobs.settled).toBe(true));
    const [whisper, mistral] = result.current.jobs.items;
    expect(whisper?.state).toEqual({
      status: 'failed',
      message: "The API's task failed: GPU quota",
    });
    expect(mistral?.state.status).toBe('done');
    expect(await keysOf('whisper-large-v3')).toEqual([]);

    act(() => result.current.jobs.retry('whisper-large-v3'));
    await waitFor(() => expect(result.current.jobs.items[0]?.state.status).toBe('done'));
    expect(await keysOf('whisper-large-v3')).toEqual(['old-demo']);
  });

  it('says "still running" with the task id when a task never ends', async () => {
    sandbox.tasks.arm({ outcome: 'never', deployment: 'whisper-large-v3' });
    const { wrapper } = harness();
    const { result } = renderHook(
      () =>
        useBindingJobs({
          projectId: PROJECT,
          keyName: 'old-demo',
          attach: true,
          deployments: ['whisper-large-v3'],
        }),
      { wrapper },
    );
    act(() => result.current.start());
    await waitFor(() => expect(result.current.items[0]?.state.status).toBe('still-running'));
    const state = result.current.items[0]?.state;
    expect(state?.status === 'still-running' && state.taskIds).toHaveLength(1);
  });

  it('starts nothing twice: a second start while jobs run adds no job', async () => {
    const { client, wrapper } = harness();
    const { result } = renderHook(() => useBoth('old-demo'), { wrapper });
    act(() => {
      result.current.jobs.start();
      result.current.jobs.start();
    });
    await waitFor(() => expect(result.current.jobs.settled).toBe(true));
    act(() => result.current.jobs.start());
    expect(client.getMutationCache().getAll()).toHaveLength(2);
  });

  it('runs an edit in order: the attach lands before the detach starts', async () => {
    const { wrapper } = harness();
    const changes = [
      { deployment: 'whisper-large-v3', attach: true },
      { deployment: 'llama-3-8b-chat', attach: false },
    ];
    const { result } = renderHook(
      () => useBindingChangeJobs({ projectId: PROJECT, keyName: 'ci-pipeline', changes }),
      { wrapper },
    );
    testClock.pause();
    act(() => result.current.start());
    await waitFor(() => expect(result.current.items[0]?.state.status).toBe('pending'));
    expect(result.current.items[1]?.state.status).toBe('idle');
    testClock.resume();
    await waitFor(() => expect(result.current.settled).toBe(true));
    expect(result.current.items.map((i) => i.state.status)).toEqual(['done', 'done']);
    expect(await keysOf('whisper-large-v3')).toEqual(['ci-pipeline']);
    expect(await keysOf('llama-3-8b-chat')).toEqual(['mobile-app-prod']);
  });

  it("keeps an edit's failed change after its mutation is gone, until a retry lands", async () => {
    sandbox.tasks.arm({ outcome: 'error', deployment: 'whisper-large-v3', error: 'GPU quota' });
    const { client, wrapper } = harness();
    const changes = [{ deployment: 'whisper-large-v3', attach: true }];
    const { result } = renderHook(
      () => ({
        jobs: useBindingChangeJobs({
          projectId: PROJECT,
          keyName: 'ci-pipeline',
          changes,
        }),
        failed: useBindingFailures(),
      }),
      { wrapper },
    );
    act(() => result.current.jobs.start());
    await waitFor(() => expect(result.current.failed.failures).toHaveLength(1));
    act(() => client.getMutationCache().clear());
    expect(result.current.failed.failures).toEqual([
      expect.objectContaining({
        keyName: 'ci-pipeline',
        deployment: 'whisper-large-v3',
        kind: 'bind',
        message: "The API's task failed: GPU quota",
      }),
    ]);
    act(() => result.current.failed.retry(result.current.failed.failures.map((f) => f.id)));
    await waitFor(() => expect(result.current.failed.failures).toEqual([]));
    expect(await keysOf('whisper-large-v3')).toEqual(['ci-pipeline']);
  });
});
