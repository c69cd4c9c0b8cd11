import { waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SEED_KEY_IDS } from '../../../../sandbox/seed/api-keys';
import { KEYS } from '../../../../sandbox/testing/sandbox-test-client';
import { renderEditDialog } from '../../../test/edit-dialog';
import { setupSandbox } from '../../../test/sandbox-server';
import { seedApiKey } from '../../../test/seed-api-key';
import { toLocalInputValue } from '../model/expiry';

const sandbox = setupSandbox();
const KEY_PATH = `${KEYS}/`;
const patches = () => sandbox.requestLog.entries().filter((e) => e.method === 'PATCH');

const renderDialog = renderEditDialog;

describe('EditApiKeyDialog', () => {
  it('shows the key as it is, with the name read-only and Description focused', async () => {
    const { dialog, description } = await renderDialog('mobileAppProd');
    const name = within(dialog).getByRole('textbox', { name: 'Name' });
    expect(name).toHaveValue('mobile-app-prod');
    expect(name).toHaveAttribute('readonly');
    expect(description).toHaveValue('');
    expect(description).toHaveFocus();
    const group = within(dialog).getByRole('group', { name: 'Deployments' });
    expect(within(group).getByRole('checkbox', { name: /^llama-3-8b-chat/ })).toBeChecked();
    expect(within(group).getByRole('checkbox', { name: /^mistral-7b-instruct/ })).toBeChecked();
    expect(within(group).getByRole('checkbox', { name: /^whisper-large-v3/ })).not.toBeChecked();
    expect(within(dialog).getByRole('combobox', { name: 'Expiration' })).toHaveValue('custom');
    expect(within(dialog).getByLabelText('Expiration date and time')).toHaveValue(
      toLocalInputValue(new Date('2099-12-31T23:59:59Z')),
    );
  });

  it('sends only the description when only it changed, then hands back the saved key', async () => {
    const { user, description, save, onSaved } = await renderDialog('ciPipeline');
    expect(description).toHaveValue('Used by the CI smoke tests');
    await user.clear(description);
    await user.type(description, 'Nightly smoke tests');
    await user.click(save);
    await waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
    expect(patches()).toHaveLength(1);
    expect(patches()[0]?.path).toBe(`${KEY_PATH}${SEED_KEY_IDS.ciPipeline}`);
    expect(patches()[0]?.body).toEqual({ description: 'Nightly smoke tests' });
    expect(onSaved).toHaveBeenCalledWith(
      expect.objectContaining({
        id: SEED_KEY_IDS.ciPipeline,
        description: 'Nightly smoke tests',
      }),
    );
  });

  it('sends null when the expiry becomes Never, and warns about it', async () => {
    const { user, dialog, save, onSaved } = await renderDialog('mobileAppProd');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Expiration' }), 'never');
    expect(within(dialog).getByText(/This key will never expire/)).toBeInTheDocument();
    await user.click(save);
    await waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
    expect(patches()[0]?.body).toEqual({ expires_at: null });
  });

  it('sends a new custom expiry as the UTC instant (typed in Asia/Kolkata, +5:30)', async () => {
    const { user, dialog, save, onSaved } = await renderDialog('mobileAppProd');
    const custom = within(dialog).getByLabelText('Expiration date and time');
    await user.clear(custom);
    await user.type(custom, '2030-06-01T12:00');
    await user.click(save);
    await waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
    expect(patches()[0]?.body).toEqual({ expires_at: '2030-06-01T06:30:00Z' });
  });

  it('sends a changed selection of deployments, and nothing else', async () => {
    const { user, dialog, save, onSaved } = await renderDialog('mobileAppProd');
    // llama-3-8b-chat keeps ci-pipeline: no warning stands in the way.
    await user.click(within(dialog).getByRole('checkbox', { name: /^llama-3-8b-chat/ }));
    await user.click(save);
    await waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
    expect(patches()[0]?.body).toEqual({
      inference_instance_ids: [seedApiKey('mobileAppProd').deploymentRefs[1]],
    });
  });

  it('sends nothing when nothing changed, and says so', async () => {
    const { user, dialog, description, save, onSaved } = await renderDialog('mobileAppProd');
    await user.type(description, ' ');
    await user.click(save);
    expect(await within(dialog).findByRole('status')).toHaveTextContent(
      'Nothing to save: no field was changed.',
    );
    expect(patches()).toHaveLength(0);
    expect(onSaved).not.toHaveBeenCalled();
    // The message is about what was submitted: the next edit makes it stale.
    await user.click(within(dialog).getByRole('checkbox', { name: /^llama-3-8b-chat/ }));
    expect(within(dialog).getByRole('status')).toHaveTextContent(/^$/);
  });

  it('saves a new description on an expired key without touching its past expiry', async () => {
    const { user, dialog, description, save, onSaved } = await renderDialog('oldDemo');
    const custom = within(dialog).getByLabelText('Expiration date and time');
    expect(custom).toHaveValue(toLocalInputValue(new Date('2025-01-31T00:00:00Z')));
    await user.click(custom);
    await user.clear(description);
    await user.type(description, 'Still kept for the record');
    await user.click(save);
    await waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
    expect(custom).toHaveAttribute('aria-invalid', 'false');
    expect(patches()[0]?.body).toEqual({ description: 'Still kept for the record' });
  });

  it('still refuses a past expiry typed anew, on the date field', async () => {
    const { user, dialog, save } = await renderDialog('oldDemo');
    const custom = within(dialog).getByLabelText('Expiration date and time');
    await user.clear(custom);
    await user.type(custom, '2025-02-01T10:00');
    await user.click(save);
    await waitFor(() => expect(custom).toHaveAccessibleDescription(/at least a minute from now/));
    expect(patches()).toHaveLength(0);
  });
});
