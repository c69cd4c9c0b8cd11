import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithClient } from '../../../test/render-with-client';
import { poll, setupJobsFake } from '../../../test/jobs-fake';
import { setupSandbox } from '../../../test/sandbox-server';
import { jobRetryPath } from '../../jobs/api/job-contract';
import type { KeyRecord } from '../api/key-model';
import { keysAdapterV3 } from '../api/v3/api-key-v3-adapter';
import { v3ApiKeyPath } from '../api/v3/api-key-v3-schemas';
import { DeleteApiKeyDialog } from './delete-api-key-dialog';

const sandbox = setupSandbox();
const jobs = setupJobsFake();

const deletes = () => sandbox.requestLog.entries().filter((e) => e.method === 'DELETE');
const writes = () => sandbox.requestLog.entries().filter((e) => e.method !== 'GET');
const keyExists = (name: string) =>
  keysAdapterV3.getKey(1, name).then(
    () => true,
    () => false,
  );

async function renderV3Dialog(name: string, edit: (key: KeyRecord) => KeyRecord = (k) => k) {
  const [apiKey, deployments] = await Promise.all([
    keysAdapterV3.getKey(1, name),
    keysAdapterV3.listDeployments(1),
  ]);
  const onDeleted = vi.fn();
  const result = renderWithClient(
    <DeleteApiKeyDialog
      apiKey={edit(apiKey)}
      projectId={1}
      deployments={deployments}
      onClose={vi.fn()}
      onDeleted={onDeleted}
    />,
    { generation: 'v3' },
  );
  // The first v3 render waits for the v3 adapter's chunk.
  const dialog = await screen.findByRole('dialog', { name: 'Delete API key' });
  return { ...result, dialog, onDeleted };
}

describe('the detach and delete dialog, before it starts', () => {
  it('says what happens once, in one sentence', async () => {
    const { dialog } = await renderV3Dialog('mobile-app-prod');
    expect(dialog).toHaveTextContent(
      'Gcore deletes a key only once no deployment accepts it, so mobile-app-prod is detached from each deployment below, then deleted for good: requests that use it are refused from then on.',
    );
    expect(within(dialog).getByRole('status')).toHaveTextContent(/^Attached to 2 deployments\.$/);
    const said = dialog.textContent?.match(
      /refuse|reject|will fail|undone|for good|then deleted/gi,
    );
    expect(said).toEqual(['then deleted', 'for good', 'refuse']);
  });
});

/** mobile-app-prod: on two active deployments, and the only key of mistral-7b-instruct. */
async function confirmMobileAppProd() {
  const view = await renderV3Dialog('mobile-app-prod');
  const { user, dialog } = view;
  const go = within(dialog).getByRole('button', { name: 'Detach and delete' });
  expect(within(dialog).getByText('llama-3-8b-chat: still attached')).toBeInTheDocument();
  expect(within(dialog).getByText('mistral-7b-instruct: still attached')).toBeInTheDocument();
  expect(
    within(dialog).getByRole('group', {
      name: 'This deployment will accept requests without any key',
    }),
  ).toHaveTextContent('mobile-app-prod is the last key of mistral-7b-instruct');
  expect(go).toBeDisabled();
  await user.type(
    within(dialog).getByRole('textbox', { name: 'Type the key name to confirm' }),
    'mobile-app-prod',
  );
  expect(go).toBeDisabled();
  await user.type(
    within(dialog).getByRole('textbox', { name: 'Type mistral-7b-instruct to confirm' }),
    'mistral-7b-instruct',
  );
  expect(go).toBeEnabled();
  expect(jobs.log.filter((entry) => entry.method === 'POST')).toEqual([]);
  return { ...view, go };
}

describe('DeleteApiKeyDialog on v3', () => {
  it('posts one detach-and-delete job after both confirmations, and shows it through to the end', async () => {
    const { user, client, dialog, go, onDeleted } = await confirmMobileAppProd();
    await user.click(go);
    await waitFor(() => expect(jobs.jobs).toHaveLength(1));
    const { id } = jobs.latest();
    expect(jobs.latest()).toMatchObject({ kind: 'detach-and-delete', key_name: 'mobile-app-prod' });
    expect(jobs.latest().steps.map((step) => step.deployment)).toEqual([
      'llama-3-8b-chat',
      'mistral-7b-instruct',
    ]);
    expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveFocus();
    jobs.step(id, 'llama-3-8b-chat', 'running');
    await poll(client);
    expect(
      await within(dialog).findByText(/Detaching from llama-3-8b-chat \(1 of 2\)/),
    ).toBeInTheDocument();
    expect(within(dialog).getByText(/You can close this dialog, or this page/)).toBeVisible();
    jobs.finish(id);
    await poll(client);
    await waitFor(() => expect(onDeleted).toHaveBeenCalledWith('deleted'));
    expect(onDeleted).toHaveBeenCalledOnce();
    // The server detaches and deletes: the browser itself changed nothing on Gcore.
    expect(writes()).toEqual([]);
  });

  it('stops at a failed detach saying the key still exists, and Retry resumes the job', async () => {
    const { user, client, dialog, go, onDeleted } = await confirmMobileAppProd();
    await user.click(go);
    await waitFor(() => expect(jobs.jobs).toHaveLength(1));
    const { id } = jobs.latest();
    jobs.fail(id, "The API's task failed: GPU quota", 'mistral-7b-instruct');
    await poll(client);
    expect(await within(dialog).findByRole('alert', {})).toHaveTextContent(
      "The API's task failed: GPU quota",
    );
    expect(within(dialog).getByRole('status')).toHaveTextContent(
      'Stopped: detached from 1 of 2 deployments. The key mobile-app-prod still exists.',
    );
    expect(within(dialog).getByText('llama-3-8b-chat: detached')).toBeInTheDocument();
    expect(
      within(dialog).getByText('mistral-7b-instruct: not detached (failed)'),
    ).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Retry detach and delete' }));
    await waitFor(() => expect(within(dialog).queryByRole('alert')).toBeNull());
    expect(jobs.log.filter((entry) => entry.path === jobRetryPath(id))).toHaveLength(1);
    jobs.finish(id);
    await poll(client);
    await waitFor(() => expect(onDeleted).toHaveBeenCalledWith('deleted'));
  });

  it('a Retry that cannot reach the server says so in the dialog, and the run stays stopped', async () => {
    const { user, client, dialog, go } = await confirmMobileAppProd();
    await user.click(go);
    await waitFor(() => expect(jobs.jobs).toHaveLength(1));
    const { id } = jobs.latest();
    jobs.fail(id, "The API's task failed: GPU quota", 'mistral-7b-instruct');
    await poll(client);
    const retry = await within(dialog).findByRole('button', { name: 'Retry detach and delete' });
    jobs.refuseNext('POST', 'network');
    await user.click(retry);
    await waitFor(() =>
      expect(
        within(dialog)
          .getAllByRole('alert')
          .some((alert) =>
            alert.textContent?.startsWith(
              'The retry did not go through: The connection to the API failed',
            ),
          ),
      ).toBe(true),
    );
    expect(within(dialog).getByRole('status')).toHaveTextContent(/^Stopped: detached from 1 of 2/);
    expect(retry).toHaveFocus();
  });

  it('detached from each, delete failed: says each is detached, the deletion not known, and Retry resumes', async () => {
    const { user, client, dialog, go, onDeleted } = await confirmMobileAppProd();
    await user.click(go);
    await waitFor(() => expect(jobs.jobs).toHaveLength(1));
    const { id } = jobs.latest();
    jobs.step(id, 'llama-3-8b-chat', 'done');
    jobs.step(id, 'mistral-7b-instruct', 'done');
    jobs.fail(
      id,
      'No answer to the delete of mobile-app-prod: it may or may not be deleted. Retry finds out.',
    );
    await poll(client);
    const alert = await within(dialog).findByRole('alert', {});
    expect(alert).toHaveTextContent(/it may or may not be deleted/);
    expect(within(dialog).getByRole('status')).toHaveTextContent(
      'Detached from 2 deployments; whether the key mobile-app-prod is deleted is not known yet.',
    );
    expect(within(dialog).getByText('llama-3-8b-chat: detached')).toBeInTheDocument();
    expect(within(dialog).getByText('mistral-7b-instruct: detached')).toBeInTheDocument();
    expect(onDeleted).not.toHaveBeenCalled();

    await user.click(within(dialog).getByRole('button', { name: 'Retry detach and delete' }));
    await waitFor(() =>
      expect(jobs.log.filter((entry) => entry.path === jobRetryPath(id))).toHaveLength(1),
    );
    jobs.finish(id);
    await poll(client);
    await waitFor(() => expect(onDeleted).toHaveBeenCalledWith('deleted'));
  });

  it('explains a 409 for a key attached since the list was read, and offers Detach and delete', async () => {
    // The list said ci-pipeline serves nothing; the API knows it serves llama-3-8b-chat.
    const { user, client, dialog, onDeleted } = await renderV3Dialog('ci-pipeline', (key) => ({
      ...key,
      deploymentRefs: [],
    }));
    await user.click(within(dialog).getByRole('button', { name: 'Delete key' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent(
      'The key ci-pipeline cannot be deleted while a deployment still accepts it',
    );
    expect(alert).toHaveTextContent(/attached to llama-3-8b-chat/);
    expect(deletes()[0]?.path).toBe(v3ApiKeyPath(1, 'ci-pipeline'));
    expect(await keyExists('ci-pipeline')).toBe(true);

    await user.click(within(dialog).getByRole('button', { name: 'Detach and delete instead' }));
    const again = await screen.findByRole('dialog', { name: 'Delete API key' });
    expect(await within(again).findByText('llama-3-8b-chat: still attached')).toBeInTheDocument();
    await user.type(
      within(again).getByRole('textbox', { name: 'Type the key name to confirm' }),
      'ci-pipeline',
    );
    await user.click(within(again).getByRole('button', { name: 'Detach and delete' }));
    await waitFor(() => expect(jobs.jobs).toHaveLength(1));
    expect(jobs.latest()).toMatchObject({
      kind: 'detach-and-delete',
      key_name: 'ci-pipeline',
      steps: [{ deployment: 'llama-3-8b-chat', status: 'pending' }],
    });
    jobs.finish(jobs.latest().id);
    await poll(client);
    await waitFor(() => expect(onDeleted).toHaveBeenCalledWith('deleted'));
  });

  it('deletes a key bound to nothing by its name, with no job', async () => {
    const { user, dialog, onDeleted } = await renderV3Dialog('old-demo');
    await user.click(within(dialog).getByRole('button', { name: 'Delete key' }));
    await waitFor(() => expect(onDeleted).toHaveBeenCalledWith('deleted'));
    expect(deletes()[0]?.path).toBe(v3ApiKeyPath(1, 'old-demo'));
    expect(jobs.jobs).toEqual([]);
  });
});
