import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { apiKeyKeys } from '../../api-keys/api/api-key-query-keys';
import { poll, setupJobsFake } from '../../../test/jobs-fake';
import { setupSandbox } from '../../../test/sandbox-server';
import { useProjectJobs } from './use-jobs';

setupSandbox();
const jobs = setupJobsFake();

function follow() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const reread = vi.spyOn(client, 'invalidateQueries');
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  const hook = renderHook(() => useProjectJobs(1, true), { wrapper });
  const rereadDeployments = () =>
    reread.mock.calls.filter(([filters]) => filters?.queryKey === apiKeyKeys.allDeployments).length;
  return { client, hook, rereadDeployments };
}

describe('following a project’s jobs', () => {
  it('reads the deployments again when a step lands, not only when the job ends', async () => {
    const job = jobs.seed({
      kind: 'bind',
      project_id: 1,
      key_name: 'two-step',
      deployments: ['llama-3-8b-chat', 'mistral-7b-instruct'],
    });
    const { client, hook, rereadDeployments } = follow();
    await waitFor(() => expect(hook.result.current).toHaveLength(1));
    jobs.step(job.id, 'llama-3-8b-chat', 'running');
    await poll(client);
    expect(rereadDeployments()).toBe(0);

    // The first deployment lists the key now: the list shows it while the second binds.
    jobs.step(job.id, 'llama-3-8b-chat', 'done');
    await poll(client);
    await waitFor(() => expect(rereadDeployments()).toBe(1));

    jobs.finish(job.id);
    await poll(client);
    await waitFor(() => expect(rereadDeployments()).toBe(2));
  });
});
