import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithClient } from '../../../test/render-with-client';
import { setupSandbox } from '../../../test/sandbox-server';
import { keysAdapterV3 } from '../api/v3/api-key-v3-adapter';
import { v3ApiKeyPath } from '../api/v3/api-key-v3-schemas';
import { DeleteApiKeyDialog } from './delete-api-key-dialog';

const sandbox = setupSandbox();
const deletes = () => sandbox.requestLog.entries().filter((e) => e.method === 'DELETE');

async function renderV3Dialog(name: string) {
  const [apiKey, deployments] = await Promise.all([
    keysAdapterV3.getKey(1, name),
    keysAdapterV3.listDeployments(1),
  ]);
  const onDeleted = vi.fn();
  const result = renderWithClient(
    <DeleteApiKeyDialog
      apiKey={apiKey}
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

describe('DeleteApiKeyDialog on v3', () => {
  it('names the bound deployments by name and shows the API’s 409 for an attached key', async () => {
    const { user, dialog, onDeleted } = await renderV3Dialog('ci-pipeline');
    expect(within(dialog).getByRole('listitem')).toHaveTextContent('llama-3-8b-chat');
    await user.type(
      within(dialog).getByRole('textbox', { name: 'Type the key name to confirm' }),
      'ci-pipeline',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Delete key' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      /attached to llama-3-8b-chat: detach it before deleting it/,
    );
    expect(deletes()[0]?.path).toBe(v3ApiKeyPath(1, 'ci-pipeline'));
    expect(onDeleted).not.toHaveBeenCalled();
  });

  it('deletes a key bound to nothing by its name', async () => {
    const { user, dialog, onDeleted } = await renderV3Dialog('old-demo');
    await user.click(within(dialog).getByRole('button', { name: 'Delete key' }));
    await waitFor(() => expect(onDeleted).toHaveBeenCalledWith('deleted'));
    expect(deletes()[0]?.path).toBe(v3ApiKeyPath(1, 'old-demo'));
  });
});
