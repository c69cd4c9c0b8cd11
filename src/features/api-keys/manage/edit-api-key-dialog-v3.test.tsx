import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithClient } from '../../../test/render-with-client';
import { poll, setupJobsFake } from '../../../test/jobs-fake';
import { setupSandbox } from '../../../test/sandbox-server';
import { jobRetryPath, type Job } from '../../jobs/api/job-contract';
import { keysAdapterV3 } from '../api/v3/api-key-v3-adapter';
import { v3ApiKeyPath } from '../api/v3/api-key-v3-schemas';
import { EditApiKeyDialog } from './edit-api-key-dialog';
import { EXPIRY_FIXED_REASON } from './read-only-expiry';

const sandbox = setupSandbox();
const jobs = setupJobsFake();

const patches = () => sandbox.requestLog.entries().filter((e) => e.method === 'PATCH');
const row = (dialog: HTMLElement, deployment: string) =>
  within(dialog)
    .getAllByRole('listitem')
    .find((item) => item.textContent?.includes(deployment)) as HTMLElement;

async function renderV3Dialog(name = 'ci-pipeline') {
  const apiKey = await keysAdapterV3.getKey(1, name);
  const onSaved = vi.fn();
  const onClose = vi.fn();
  const result = renderWithClient(
    <EditApiKeyDialog apiKey={apiKey} projectId={1} onClose={onClose} onSaved={onSaved} />,
    { generation: 'v3' },
  );
  await screen.findByRole('checkbox', { name: /^llama-3-8b-chat/ });
  const dialog = screen.getByRole('dialog', { name: 'Edit API key' });
  const save = within(dialog).getByRole('button', { name: 'Save changes' });
  return { ...result, apiKey, dialog, save, onSaved, onClose };
}

describe('EditApiKeyDialog on v3', () => {
  it('shows the expiry read-only, saying why it cannot change', async () => {
    const { dialog } = await renderV3Dialog();
    const expiry = within(dialog).getByRole('textbox', { name: 'Expiration' });
    expect(expiry).toHaveAttribute('readonly');
    expect(expiry).toHaveValue('Never');
    expect(expiry).toHaveAccessibleDescription(EXPIRY_FIXED_REASON);
    expect(within(dialog).queryByRole('combobox', { name: 'Expiration' })).not.toBeInTheDocument();
  });

  it('saves the description, then posts the attach before the detach, showing progress until both land', async () => {
    const { user, client, dialog, save, onSaved } = await renderV3Dialog();
    const description = within(dialog).getByRole('textbox', { name: 'Description' });
    await user.clear(description);
    await user.type(description, 'Nightly');
    await user.click(within(dialog).getByRole('checkbox', { name: /^whisper-large-v3/ }));
    await user.click(within(dialog).getByRole('checkbox', { name: /^llama-3-8b-chat/ }));
    // whisper-large-v3 has no key today: binding one turns authentication on there.
    expect(save).toBeDisabled();
    await user.click(
      within(dialog).getByRole('checkbox', { name: /callers sending no key will be refused/ }),
    );
    await user.click(save);

    await waitFor(() => expect(jobs.jobs).toHaveLength(2));
    expect(jobs.jobs.map(({ kind, steps }) => [kind, steps.map((s) => s.deployment)])).toEqual([
      ['bind', ['whisper-large-v3']],
      ['unbind', ['llama-3-8b-chat']],
    ]);
    // The browser saved the description only; the deployments are the server's jobs.
    expect(patches().map((p) => [p.path, p.body])).toEqual([
      [v3ApiKeyPath(1, 'ci-pipeline'), { description: 'Nightly' }],
    ]);
    const [bind, unbind] = jobs.jobs as [Job, Job];
    jobs.step(bind.id, 'whisper-large-v3', 'running');
    await poll(client);
    await waitFor(() => expect(row(dialog, 'whisper-large-v3')).toHaveTextContent('binding…'));
    expect(row(dialog, 'llama-3-8b-chat')).toHaveTextContent('waiting to start');
    expect(within(dialog).getByText(/You can close this dialog, or this page/)).toBeVisible();
    jobs.finish(bind.id);
    await poll(client);
    await waitFor(() => expect(row(dialog, 'whisper-large-v3')).toHaveTextContent('bound'));
    expect(onSaved).not.toHaveBeenCalled();
    jobs.finish(unbind.id);
    await poll(client);
    await waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
    expect(row(dialog, 'llama-3-8b-chat')).toHaveTextContent('detached');
  });

  it('asks for the deployment’s name before removing its last key, and sends nothing until then', async () => {
    const { user, dialog, save } = await renderV3Dialog('mobile-app-prod');
    await user.click(within(dialog).getByRole('checkbox', { name: /^mistral-7b-instruct/ }));
    const warning = within(dialog).getByRole('group', {
      name: 'This deployment will accept requests without any key',
    });
    expect(warning).toHaveTextContent('mobile-app-prod is the last key of mistral-7b-instruct');
    const confirm = within(warning).getByRole('textbox', {
      name: 'Type mistral-7b-instruct to confirm',
    });
    expect(save).toBeDisabled();
    await user.type(confirm, 'mistral{Enter}');
    expect(save).toBeDisabled();
    expect(patches()).toHaveLength(0);
    expect(jobs.log.filter((entry) => entry.method === 'POST')).toHaveLength(0);
    await user.clear(confirm);
    await user.type(confirm, 'mistral-7b-instruct');
    expect(save).toBeEnabled();
    await user.click(save);
    await waitFor(() => expect(jobs.jobs).toHaveLength(1));
    expect(jobs.latest()).toMatchObject({
      kind: 'unbind',
      key_name: 'mobile-app-prod',
      steps: [{ deployment: 'mistral-7b-instruct', status: 'pending' }],
    });
    expect(patches()).toHaveLength(0);
  });

  it('shows a step another edit beat with its reason, and Retry asks the server to resume it', async () => {
    const { user, client, dialog, save, onSaved } = await renderV3Dialog();
    await user.click(within(dialog).getByRole('checkbox', { name: /^whisper-large-v3/ }));
    await user.click(
      within(dialog).getByRole('checkbox', { name: /callers sending no key will be refused/ }),
    );
    await user.click(save);
    await waitFor(() => expect(jobs.jobs).toHaveLength(1));
    const { id } = jobs.latest();
    const raced =
      'Someone changed the deployment’s keys at the same time, and the key is not in its list.';
    jobs.fail(id, raced, 'whisper-large-v3');
    await poll(client);
    await waitFor(() =>
      expect(row(dialog, 'whisper-large-v3')).toHaveTextContent(`failed: ${raced}`),
    );
    expect(within(dialog).getByRole('status')).toHaveTextContent('1 need attention');
    expect(onSaved).not.toHaveBeenCalled();

    await user.click(
      within(dialog).getByRole('button', { name: 'Retry binding to whisper-large-v3' }),
    );
    await waitFor(() => expect(row(dialog, 'whisper-large-v3')).toHaveTextContent('waiting'));
    expect(jobs.log.filter((entry) => entry.path === jobRetryPath(id))).toHaveLength(1);
    jobs.finish(id);
    await poll(client);
    await waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
  });
});
