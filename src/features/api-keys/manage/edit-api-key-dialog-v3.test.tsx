import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithClient } from '../../../test/render-with-client';
import { setupSandbox } from '../../../test/sandbox-server';
import { testClock } from '../../../test/test-clock';
import { bindingApiV3 } from '../../deployments/api/v3/deployment-v3-calls';
import { keysAdapterV3 } from '../api/v3/api-key-v3-adapter';
import { v3ApiKeyPath } from '../api/v3/api-key-v3-schemas';
import { EditApiKeyDialog } from './edit-api-key-dialog';
import { EXPIRY_FIXED_REASON } from './read-only-expiry';

const sandbox = setupSandbox();

const patches = () => sandbox.requestLog.entries().filter((e) => e.method === 'PATCH');
const keysOf = async (deployment: string) =>
  (await bindingApiV3(1).getDeployment(deployment)).api_keys;

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

  it('saves the description, then attaches before it detaches, showing progress until both land', async () => {
    const { user, dialog, save, onSaved } = await renderV3Dialog();
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
    testClock.pause();
    await user.click(save);

    expect(await within(dialog).findByText('binding…')).toBeInTheDocument();
    expect(within(dialog).getByText(/You can close this dialog: the changes go on/)).toBeVisible();
    expect(onSaved).not.toHaveBeenCalled();
    testClock.resume();
    await waitFor(() => expect(onSaved).toHaveBeenCalledOnce());

    const paths = patches().map((p) => p.path);
    expect(paths).toEqual([
      v3ApiKeyPath(1, 'ci-pipeline'),
      '/cloud/v3/inference/1/deployments/whisper-large-v3',
      '/cloud/v3/inference/1/deployments/llama-3-8b-chat',
    ]);
    expect(patches()[0]?.body).toEqual({ description: 'Nightly' });
    expect(await keysOf('whisper-large-v3')).toEqual(['ci-pipeline']);
    expect(await keysOf('llama-3-8b-chat')).toEqual(['mobile-app-prod']);
  });

  it('asks for the deployment’s name before removing its last key, and sends nothing until then', async () => {
    const { user, dialog, save, onSaved } = await renderV3Dialog('mobile-app-prod');
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
    await user.clear(confirm);
    await user.type(confirm, 'mistral-7b-instruct');
    expect(save).toBeEnabled();
    await user.click(save);
    await waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
    expect(await keysOf('mistral-7b-instruct')).toEqual([]);
    expect(await keysOf('llama-3-8b-chat')).toEqual(['ci-pipeline', 'mobile-app-prod']);
  });

  it('reports plainly when a concurrent edit of the deployment won, and Retry applies it again', async () => {
    const inner = globalThis.fetch;
    let raced = false;
    // Another tab read whisper-large-v3 before our PATCH and writes its stale list right after.
    globalThis.fetch = async (input, init) => {
      const response = await inner(input, init);
      const url = input instanceof Request ? input.url : input.toString();
      if (!raced && init?.method === 'PATCH' && url.endsWith('/deployments/whisper-large-v3')) {
        raced = true;
        await bindingApiV3(1).setDeploymentKeys('whisper-large-v3', ['old-demo']);
      }
      return response;
    };
    try {
      const { user, dialog, save, onSaved } = await renderV3Dialog();
      await user.click(within(dialog).getByRole('checkbox', { name: /^whisper-large-v3/ }));
      await user.click(
        within(dialog).getByRole('checkbox', { name: /callers sending no key will be refused/ }),
      );
      await user.click(save);
      const alert = await within(dialog).findByRole('alert');
      expect(alert).toHaveTextContent(
        'Someone else changed whisper-large-v3 at the same time, and their change won',
      );
      expect(
        within(dialog).getByText('a concurrent edit replaced the list; the key is not bound'),
      ).toBeInTheDocument();
      expect(await keysOf('whisper-large-v3')).toEqual(['old-demo']);
      expect(onSaved).not.toHaveBeenCalled();

      await user.click(
        within(dialog).getByRole('button', { name: 'Retry binding to whisper-large-v3' }),
      );
      await waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
      expect(await keysOf('whisper-large-v3')).toEqual(['old-demo', 'ci-pipeline']);
    } finally {
      globalThis.fetch = inner;
    }
  });
});
