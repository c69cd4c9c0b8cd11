import { screen, within } from '@testing-library/react';
import { vi } from 'vitest';
import type { SEED_KEY_IDS } from '../../sandbox/seed/api-keys';
import { EditApiKeyDialog } from '../features/api-keys/manage/edit-api-key-dialog';
import { renderWithClient } from './render-with-client';
import { seedApiKey } from './seed-api-key';

/** The edit dialog for a seed key, once its deployments have loaded, with its main controls. */
export async function renderEditDialog(name: keyof typeof SEED_KEY_IDS = 'mobileAppProd') {
  const onClose = vi.fn();
  const onSaved = vi.fn();
  const result = renderWithClient(
    <EditApiKeyDialog
      apiKey={seedApiKey(name)}
      projectId={1}
      onClose={onClose}
      onSaved={onSaved}
    />,
  );
  await screen.findByRole('checkbox', { name: /^llama-3-8b-chat/ });
  const dialog = screen.getByRole('dialog', { name: 'Edit API key' });
  const description = within(dialog).getByRole('textbox', { name: 'Description' });
  const save = within(dialog).getByRole('button', { name: 'Save changes' });
  return { ...result, onClose, onSaved, dialog, description, save };
}
