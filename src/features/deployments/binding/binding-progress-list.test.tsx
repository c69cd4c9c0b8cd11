import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { BindingProgressItem, ProgressStatus } from '../../jobs/model/job-progress';
import { BindingProgressList } from './binding-progress-list';

const item = (
  deployment: string,
  status: ProgressStatus,
  message: string | null = null,
): BindingProgressItem => ({ deployment, attach: true, status, message });

describe('BindingProgressList', () => {
  it('says how each deployment stands, in words, with a summary announced politely', () => {
    render(
      <BindingProgressList
        onRetry={() => {}}
        items={[
          item('alpha', 'done'),
          item('beta', 'running'),
          item('gamma', 'failed', 'quota exceeded'),
          item('delta', 'waiting'),
          item('omega', 'interrupted', 'The server restarted.'),
        ]}
      />,
    );
    const rows = screen.getAllByRole('listitem').map((row) => row.textContent);
    expect(rows[0]).toContain('alphabound');
    expect(rows[1]).toContain('binding…');
    expect(rows[2]).toContain('failed: quota exceeded');
    expect(rows[3]).toContain('waiting to start');
    expect(rows[4]).toContain('interrupted: The server restarted.');
    expect(screen.getByRole('status')).toHaveTextContent(
      '1 of 5 done, 2 in progress, 1 need attention, 1 interrupted.',
    );
    expect(screen.queryByRole('button', { name: 'Retry binding to alpha' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Retry binding to beta' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Retry binding to gamma' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Resume binding to omega' })).toBeEnabled();
  });

  it('retries the deployment whose button was pressed, once, and keeps focus while it runs', async () => {
    const onRetry = vi.fn();
    const { rerender } = render(
      <BindingProgressList onRetry={onRetry} items={[item('gamma', 'failed', 'x')]} />,
    );
    const retry = screen.getByRole('button', { name: 'Retry binding to gamma' });
    await userEvent.click(retry);
    expect(onRetry).toHaveBeenCalledExactlyOnceWith('gamma');
    rerender(<BindingProgressList onRetry={onRetry} items={[item('gamma', 'waiting')]} />);
    expect(retry).toHaveAttribute('aria-disabled', 'true');
    expect(retry).toHaveFocus();
    await userEvent.click(retry);
    expect(onRetry).toHaveBeenCalledOnce();
    rerender(<BindingProgressList onRetry={onRetry} items={[item('gamma', 'done')]} />);
    expect(screen.getByRole('listitem')).toHaveFocus();
  });
});
