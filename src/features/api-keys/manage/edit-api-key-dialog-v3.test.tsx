import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithClient } from '../../../test/render-with-client';
import { setupSandbox } from '../../../test/sandbox-server';
import { keysAdapterV3 } from '../api/v3/api-key-v3-adapter';
import { v3ApiKeyPath } from '../api/v3/api-key-v3-schemas';
import { EditApiKeyDialog } from './edit-api-key-dialog';
import { EXPIRY_FIXED_REASON } from './read-only-expiry';

const sandbox = setupSandbox();
const patches = () => sandbox.requestLog.entries().filter((e) => e.method === 'PATCH');

async function renderV3Dialog(withBindings = true) {
  const apiKey = await keysAdapterV3.getKey(1, 'ci-pipeline');
  const onSaved = vi.fn();
  const onBindingsChange = vi.fn();
  const result = renderWithClient(
    <EditApiKeyDialog
      apiKey={apiKey}
      projectId={1}
      onClose={vi.fn()}
      onSaved={onSaved}
      onBindingsChange={withBindings ? onBindingsChange : undefined}
    />,
    { generation: 'v3' },
  );
  await screen.findByRole('checkbox', { name: /^llama-3-8b-chat/ });
  const dialog = screen.getByRole('dialog', { name: 'Edit API key' });
  return { ...result, apiKey, dialog, onSaved, onBindingsChange };
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

  it('sends only the description, and hands the binding change over', async () => {
    const { user, dialog, onSaved, onBindingsChange } = await renderV3Dialog();
    const description = within(dialog).getByRole('textbox', { name: 'Description' });
    await user.clear(description);
    await user.type(description, 'Nightly');
    await user.click(within(dialog).getByRole('checkbox', { name: /^qwen2-72b-instruct/ }));
    await user.click(within(dialog).getByRole('checkbox', { name: /^llama-3-8b-chat/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
    expect(patches()).toHaveLength(1);
    expect(patches()[0]?.path).toBe(v3ApiKeyPath(1, 'ci-pipeline'));
    expect(patches()[0]?.body).toEqual({ description: 'Nightly' });
    expect(onBindingsChange).toHaveBeenCalledWith(
      expect.objectContaining({
        projectId: 1,
        added: ['qwen2-72b-instruct'],
        removed: ['llama-3-8b-chat'],
      }),
    );
  });

  it('says a binding change was not saved when nothing takes it over yet', async () => {
    const { user, dialog, onSaved } = await renderV3Dialog(false);
    await user.click(within(dialog).getByRole('checkbox', { name: /^qwen2-72b-instruct/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      /deployments were not saved/,
    );
    expect(patches()).toHaveLength(0);
    expect(onSaved).not.toHaveBeenCalled();
  });
});
