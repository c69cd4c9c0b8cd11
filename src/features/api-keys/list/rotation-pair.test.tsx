import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { withApiVersionMeta } from '../../../test/api-version-meta';
import { poll, setupJobsFake } from '../../../test/jobs-fake';
import { renderWithClient } from '../../../test/render-with-client';
import { setupSandbox } from '../../../test/sandbox-server';
import { jobCancelPath, jobRunNowPath, type StartRetireInput } from '../../jobs/api/job-contract';
import { KeysPage } from '../keys-page';

setupSandbox();
const jobs = setupJobsFake();
withApiVersionMeta('v3');

beforeAll(() => Promise.all([import('./api-keys-panel'), import('../api/v3/api-key-v3-adapter')]));
beforeEach(() => {
  window.history.replaceState(null, '', '/');
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
});
afterEach(() => vi.useRealTimers());

const retire = (more: Partial<StartRetireInput> = {}): StartRetireInput => ({
  kind: 'retire',
  project_id: 1,
  key_name: 'mobile-app-prod',
  key_id: null,
  replaced_by: 'mobile-app-prod-2',
  replaced_by_id: null,
  after_job: null,
  deployments: [],
  run_after: '2030-01-01T23:00:00Z',
  ...more,
});

async function rowOf(name: string) {
  const table = await screen.findByRole('table', { name: 'API keys' });
  const button = await within(table).findByRole('button', { name });
  return button.closest('tr') as HTMLElement;
}
const posts = (path: string) => jobs.log.filter((e) => e.method === 'POST' && e.path === path);

describe('a rotation on the list: the old key with its replacement and retirement', () => {
  it('v3: says when it retires, and Retire now asks, naming both keys, then runs it', async () => {
    const job = jobs.seed(retire());
    const { user } = renderWithClient(<KeysPage />, { generation: 'v3' });
    const row = await rowOf('mobile-app-prod');
    await waitFor(() =>
      expect(row).toHaveTextContent('replaced by mobile-app-prod-2 · retires in 23 hours'),
    );
    await user.click(within(row).getByRole('button', { name: 'Retire mobile-app-prod now' }));
    const ask = await screen.findByRole('dialog', { name: 'Retire mobile-app-prod now?' });
    expect(ask).toHaveAccessibleDescription(/mobile-app-prod-2 takes its place/);
    await user.click(within(ask).getByRole('button', { name: 'Retire now' }));
    await waitFor(() => expect(posts(jobRunNowPath(job.id))).toHaveLength(1));
    expect(await screen.findByText('Retiring “mobile-app-prod” now.')).toBeInTheDocument();
  });

  it('Keep calls the retirement off: both keys stay, the pair goes', async () => {
    const job = jobs.seed(retire({ run_after: null }));
    const { user, client } = renderWithClient(<KeysPage />, { generation: 'v3' });
    const row = await rowOf('mobile-app-prod');
    await waitFor(() =>
      expect(row).toHaveTextContent('replaced by mobile-app-prod-2 · you retire it'),
    );
    await user.click(within(row).getByRole('button', { name: 'Keep mobile-app-prod' }));
    await waitFor(() => expect(posts(jobCancelPath(job.id))).toHaveLength(1));
    expect(await screen.findByText(/Kept “mobile-app-prod”/)).toBeInTheDocument();
    await poll(client);
    await waitFor(() => expect(row).not.toHaveTextContent('replaced by'));
  });

  it('a failed retirement keeps the old key and says why, with Retry; the pair goes', async () => {
    const job = jobs.seed(retire());
    jobs.fail(job.id, 'The new key’s bindings failed.');
    renderWithClient(<KeysPage />, { generation: 'v3' });
    const row = await rowOf('mobile-app-prod');
    await waitFor(() => expect(row).toHaveTextContent(/failed: The new key’s bindings failed\./));
    expect(within(row).getByRole('button', { name: /Retry/ })).toBeInTheDocument();
    expect(row).not.toHaveTextContent('replaced by');
  });

  it('the Rotate dialog is named, and closing it gives focus back to the row’s menu', async () => {
    const { user } = renderWithClient(<KeysPage />, { generation: 'v3' });
    const row = await rowOf('ci-pipeline');
    const menu = within(row).getByRole('button', { name: 'Actions for ci-pipeline' });
    await user.click(menu);
    await user.click(await screen.findByRole('menuitem', { name: 'Rotate' }));
    const dialog = await screen.findByRole('dialog', { name: 'Rotate ci-pipeline' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(menu).toHaveFocus());
  });
});
