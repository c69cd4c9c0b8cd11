import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithClient } from '../../../test/render-with-client';
import { setupSandbox } from '../../../test/sandbox-server';
import { testClock } from '../../../test/test-clock';
import { bindingApiV3 } from '../../deployments/api/v3/deployment-v3-calls';
import type { KeyRecord } from '../api/key-model';
import { keysAdapterV3 } from '../api/v3/api-key-v3-adapter';
import { v3ApiKeyPath } from '../api/v3/api-key-v3-schemas';
import { DeleteApiKeyDialog } from './delete-api-key-dialog';

const sandbox = setupSandbox();

const deletes = () => sandbox.requestLog.entries().filter((e) => e.method === 'DELETE');
const keysOf = async (deployment: string) =>
  (await bindingApiV3(1).getDeployment(deployment)).api_keys;
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
  return { ...view, go };
}

describe('DeleteApiKeyDialog on v3', () => {
  it('detaches a bound key from each deployment, then deletes it, after both confirmations', async () => {
    const { user, dialog, go, onDeleted } = await confirmMobileAppProd();
    testClock.pause();
    await user.click(go);
    expect(
      await within(dialog).findByText(/Detaching from llama-3-8b-chat \(1 of 2\)/),
    ).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveFocus();
    testClock.resume();
    await waitFor(() => expect(onDeleted).toHaveBeenCalledWith('deleted'));
    expect(onDeleted).toHaveBeenCalledOnce();
    expect(await keyExists('mobile-app-prod')).toBe(false);
    expect(await keysOf('llama-3-8b-chat')).toEqual(['ci-pipeline']);
    expect(await keysOf('mistral-7b-instruct')).toEqual([]);
  });

  it('stops at a failed detach saying the key still exists, and Retry finishes the run', async () => {
    sandbox.tasks.arm({ outcome: 'error', deployment: 'mistral-7b-instruct', error: 'GPU quota' });
    const { user, dialog, go, onDeleted } = await confirmMobileAppProd();
    await user.click(go);
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
    expect(await keyExists('mobile-app-prod')).toBe(true);
    expect(deletes()).toHaveLength(0);

    await user.click(within(dialog).getByRole('button', { name: 'Retry detach and delete' }));
    await waitFor(() => expect(onDeleted).toHaveBeenCalledWith('deleted'));
    expect(await keyExists('mobile-app-prod')).toBe(false);
  });

  it('detach succeeded, delete failed: shows each deployment detached, the key still there, and Retry deletes it', async () => {
    // Faults match method + path prefix, so only the key's DELETE fails, after both detaches.
    sandbox.faults.arm({
      method: 'DELETE',
      path: v3ApiKeyPath(1, 'mobile-app-prod'),
      status: 500,
      body: { exception_class: 'InternalError', message: 'Database hiccup.', request_id: 'rq-del' },
    });
    const { user, dialog, go, onDeleted } = await confirmMobileAppProd();
    await user.click(go);
    const alert = await within(dialog).findByRole('alert', {});
    expect(alert).toHaveTextContent(/Database hiccup\..*rq-del/);
    expect(within(dialog).getByRole('status')).toHaveTextContent(
      'Detached from 2 deployments; whether the key mobile-app-prod is deleted is not known yet.',
    );
    expect(within(dialog).getByText('llama-3-8b-chat: detached')).toBeInTheDocument();
    expect(within(dialog).getByText('mistral-7b-instruct: detached')).toBeInTheDocument();
    // The API's state: the key is still there, bound to nothing.
    expect(await keyExists('mobile-app-prod')).toBe(true);
    expect((await keysAdapterV3.getKey(1, 'mobile-app-prod')).deploymentRefs).toEqual([]);
    expect(await keysOf('llama-3-8b-chat')).toEqual(['ci-pipeline']);
    expect(await keysOf('mistral-7b-instruct')).toEqual([]);
    expect(deletes()).toHaveLength(1);
    expect(onDeleted).not.toHaveBeenCalled();

    await user.click(within(dialog).getByRole('button', { name: 'Retry detach and delete' }));
    await waitFor(() => expect(onDeleted).toHaveBeenCalledWith('deleted'));
    expect(await keyExists('mobile-app-prod')).toBe(false);
    expect(deletes()).toHaveLength(2);
  });

  it('explains a 409 for a key attached since the list was read, and offers Detach and delete', async () => {
    // The list said ci-pipeline serves nothing; the API knows it serves llama-3-8b-chat.
    const { user, dialog, onDeleted } = await renderV3Dialog('ci-pipeline', (key) => ({
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
    await waitFor(() => expect(onDeleted).toHaveBeenCalledWith('deleted'));
    expect(await keysOf('llama-3-8b-chat')).toEqual(['mobile-app-prod']);
  });

  it('deletes a key bound to nothing by its name', async () => {
    const { user, dialog, onDeleted } = await renderV3Dialog('old-demo');
    await user.click(within(dialog).getByRole('button', { name: 'Delete key' }));
    await waitFor(() => expect(onDeleted).toHaveBeenCalledWith('deleted'));
    expect(deletes()[0]?.path).toBe(v3ApiKeyPath(1, 'old-demo'));
  });
});
