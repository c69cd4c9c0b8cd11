import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { setupSandbox } from '../../../test/sandbox-server';
import { testClock } from '../../../test/test-clock';
import { BindingProgressList } from './binding-progress-list';
import { useBindingJobs, type BindingJobItem } from './use-binding-jobs';

const sandbox = setupSandbox();
const item = (deployment: string, state: BindingJobItem['state']): BindingJobItem => ({
  deployment,
  attach: true,
  state,
});

describe('BindingProgressList', () => {
  it('says how each deployment stands, in words, with a summary announced politely', () => {
    render(
      <BindingProgressList
        onRetry={() => {}}
        items={[
          item('alpha', { status: 'done', changed: true }),
          item('beta', { status: 'pending' }),
          item('gamma', { status: 'failed', message: 'quota exceeded' }),
          item('delta', { status: 'still-running', taskIds: ['t-42'] }),
          item('omega', { status: 'overridden' }),
        ]}
      />,
    );
    const rows = screen.getAllByRole('listitem').map((row) => row.textContent);
    expect(rows[0]).toContain('alphabound');
    expect(rows[1]).toContain('binding…');
    expect(rows[2]).toContain('failed: quota exceeded');
    expect(rows[3]).toContain('still in progress (task t-42)');
    expect(rows[3]).not.toContain('failed');
    expect(rows[4]).toContain('a concurrent edit replaced the list; the key is not bound');
    expect(screen.getByRole('status')).toHaveTextContent(
      '1 of 5 done, 1 in progress, 2 need attention, 1 still running at the API.',
    );
    expect(screen.queryByRole('button', { name: 'Retry binding to alpha' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Retry binding to beta' })).toBeNull();
    for (const name of ['gamma', 'delta', 'omega']) {
      expect(screen.getByRole('button', { name: `Retry binding to ${name}` })).toBeEnabled();
    }
  });

  it('retries the deployment whose button was pressed, once', async () => {
    const onRetry = vi.fn();
    render(
      <BindingProgressList
        onRetry={onRetry}
        items={[item('gamma', { status: 'failed', message: 'x' })]}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Retry binding to gamma' }));
    expect(onRetry).toHaveBeenCalledExactlyOnceWith('gamma');
  });

  it('against the sandbox: a failed task is shown with its reason; Retry keeps focus, then binds', async () => {
    sandbox.tasks.arm({ outcome: 'error', deployment: 'whisper-large-v3', error: 'GPU quota' });
    const client = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
    const deployments = ['whisper-large-v3', 'mistral-7b-instruct'];
    function Harness() {
      const jobs = useBindingJobs({
        projectId: 1,
        keyName: 'old-demo',
        attach: true,
        deployments,
      });
      return (
        <>
          <button onClick={jobs.start}>Start</button>
          <BindingProgressList items={jobs.items} onRetry={jobs.retry} />
        </>
      );
    }
    const user = userEvent.setup();
    render(
      <QueryClientProvider client={client}>
        <Harness />
      </QueryClientProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'Start' }));
    const retry = await screen.findByRole('button', { name: 'Retry binding to whisper-large-v3' });
    expect(screen.getByText("failed: The API's task failed: GPU quota")).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('1 of 2 done'));

    testClock.pause();
    await user.click(retry);
    expect(await screen.findByText('binding…')).toBeInTheDocument();
    expect(retry).toHaveFocus();
    expect(retry).toHaveAttribute('aria-disabled', 'true');
    testClock.resume();

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('2 of 2 done.'));
    expect(retry).not.toBeInTheDocument();
    expect(screen.getAllByRole('listitem')[0]).toHaveFocus();
  });
});
