import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SEED_KEY_IDS } from '../../../../sandbox/seed/api-keys';
import { SEED_DEPLOYMENT_IDS } from '../../../../sandbox/seed/deployments';
import { KEYS, sandboxCaller } from '../../../../sandbox/testing/sandbox-test-client';
import { holdRequests } from '../../../test/hold-requests';
import { renderWithClient } from '../../../test/render-with-client';
import { setupSandbox } from '../../../test/sandbox-server';
import { seedApiKey as seedKey } from '../../../test/seed-api-key';
import { getAllDeployments } from '../../deployments/api/v2/get-deployments';
import type { ApiKey } from '../api/api-key-schemas';
import type { KeyRecord } from '../api/key-model';
import { toDeploymentRecordV2, toKeyRecordV2 } from '../api/v2/api-key-v2-adapter';
import { DeleteApiKeyDialog } from './delete-api-key-dialog';

const sandbox = setupSandbox();
const call = sandboxCaller(sandbox);
const deletes = () => sandbox.requestLog.entries().filter((e) => e.method === 'DELETE');

async function renderDialog(apiKey: KeyRecord) {
  const deployments = (await getAllDeployments(1)).map(toDeploymentRecordV2);
  const onClose = vi.fn();
  const onDeleted = vi.fn();
  const result = renderWithClient(
    <DeleteApiKeyDialog
      apiKey={apiKey}
      projectId={1}
      deployments={deployments}
      onClose={onClose}
      onDeleted={onDeleted}
    />,
  );
  const dialog = screen.getByRole('dialog', { name: 'Delete API key' });
  const button = within(dialog).getByRole('button', { name: 'Delete key' });
  return { ...result, onClose, onDeleted, dialog, button };
}

describe('DeleteApiKeyDialog', () => {
  it('asks for the exact name when an active deployment accepts the key', async () => {
    const { user, dialog, button, onDeleted } = await renderDialog(seedKey('ciPipeline'));
    expect(dialog).toHaveTextContent('ci-pipeline');
    expect(within(dialog).getByRole('listitem')).toHaveTextContent('llama-3-8b-chat');
    expect(within(dialog).getByRole('listitem')).toHaveTextContent('Active');
    const confirm = within(dialog).getByRole('textbox', { name: 'Type the key name to confirm' });
    expect(confirm).toHaveFocus();
    expect(confirm).toHaveAccessibleDescription(/active deployment accepts this key/);
    expect(button).toBeDisabled();
    await user.type(confirm, 'ci-pipelin');
    expect(button).toBeDisabled();
    await user.type(confirm, 'e ');
    expect(button).toBeDisabled();
    await user.type(confirm, '{Backspace}');
    expect(button).toBeEnabled();
    await user.click(button);
    await waitFor(() => expect(onDeleted).toHaveBeenCalledWith('deleted'));
    expect(deletes()).toHaveLength(1);
    expect((await call('GET', `${KEYS}/${SEED_KEY_IDS.ciPipeline}`)).status).toBe(404);
  });

  it('asks for the deployment’s name too when the key is the last one there', async () => {
    const { user, dialog, button, onDeleted } = await renderDialog(seedKey('mobileAppProd'));
    const warning = within(dialog).getByRole('group', {
      name: 'This deployment will accept requests without any key',
    });
    expect(warning).toHaveTextContent('mobile-app-prod is the last key of mistral-7b-instruct');
    await user.type(
      within(dialog).getByRole('textbox', { name: 'Type the key name to confirm' }),
      'mobile-app-prod',
    );
    expect(button).toBeDisabled();
    await user.type(
      within(warning).getByRole('textbox', { name: 'Type mistral-7b-instruct to confirm' }),
      'mistral-7b-instruct',
    );
    expect(button).toBeEnabled();
    await user.click(button);
    await waitFor(() => expect(onDeleted).toHaveBeenCalledWith('deleted'));
  });

  it('does not send on Enter before the name is typed', async () => {
    const { user, dialog, onDeleted } = await renderDialog(seedKey('ciPipeline'));
    const confirm = within(dialog).getByRole('textbox', { name: 'Type the key name to confirm' });
    await user.type(confirm, 'CI-PIPELINE{Enter}');
    expect(deletes()).toHaveLength(0);
    expect(onDeleted).not.toHaveBeenCalled();
  });

  it('says a wrong or missing confirmation is wrong, in the hint’s place, keeping what was typed', async () => {
    const { user, dialog } = await renderDialog(seedKey('ciPipeline'));
    const confirm = within(dialog).getByRole('textbox', { name: 'Type the key name to confirm' });
    await user.keyboard('{Enter}');
    expect(confirm).toHaveAccessibleDescription(
      /^Type the key’s name to confirm, or choose Cancel\./,
    );
    expect(confirm).toHaveAttribute('aria-invalid', 'true');
    await user.type(confirm, 'ci-pipe');
    await user.tab();
    expect(confirm).toHaveAccessibleDescription(/^That is not this key’s name: type it exactly/);
    expect(confirm).toHaveValue('ci-pipe');
    await user.type(confirm, 'line');
    expect(confirm).toHaveAttribute('aria-invalid', 'false');
    expect(deletes()).toHaveLength(0);
  });

  it('deletes with one click when no active deployment is bound, naming each binding', async () => {
    const unknownId = '99999999-9999-4999-8999-999999999999';
    // A second key there: deleting this one leaves no deployment open, so nothing else is asked.
    await call('POST', KEYS, {
      body: { name: 'other-key', inference_instance_ids: [SEED_DEPLOYMENT_IDS.stableDiffusion] },
    });
    const created = await call('POST', KEYS, {
      body: { name: 'idle-key', inference_instance_ids: [SEED_DEPLOYMENT_IDS.stableDiffusion] },
    });
    const apiKey = created.json as ApiKey;
    const { user, dialog, button, onDeleted } = await renderDialog(
      toKeyRecordV2({
        ...apiKey,
        inference_instance_ids: [...apiKey.inference_instance_ids, unknownId],
      }),
    );
    const items = within(dialog).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('stable-diffusion-xl');
    expect(items[0]).toHaveTextContent('Disabled');
    expect(items[1]).toHaveTextContent('99999999…');
    expect(items[1]).toHaveTextContent('unknown');
    expect(within(dialog).queryByRole('textbox')).not.toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(button);
    await waitFor(() => expect(onDeleted).toHaveBeenCalledWith('deleted'));
    expect(deletes()).toHaveLength(1);
    expect(deletes()[0]?.path).toBe(`${KEYS}/${apiKey.key_id}`);
  });

  it('says nothing stops working when no deployment is bound', async () => {
    const { dialog } = await renderDialog(seedKey('oldDemo'));
    expect(dialog).toHaveTextContent(
      'Deleting old-demo is final; no deployment is bound to it, so nothing stops working.',
    );
    expect(within(dialog).queryByRole('list')).not.toBeInTheDocument();
  });

  it('says what deleting does once, in one sentence', async () => {
    const { dialog } = await renderDialog(seedKey('ciPipeline'));
    expect(dialog).toHaveTextContent(
      'Deleting ci-pipeline is final, and these deployments will refuse requests that use it from then on:',
    );
    const consequences = dialog.textContent?.match(/refuse|reject|fail|undone|final/gi) ?? [];
    expect(consequences).toEqual(['final', 'refuse']);
  });

  it('ends quietly when someone else deleted the key first (404)', async () => {
    expect((await call('DELETE', `${KEYS}/${SEED_KEY_IDS.oldDemo}`)).status).toBe(204);
    const { user, dialog, button, onDeleted } = await renderDialog(seedKey('oldDemo'));
    await user.click(button);
    await waitFor(() => expect(onDeleted).toHaveBeenCalledWith('already-gone'));
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows a 500 with its request id and stays open for another try', async () => {
    sandbox.faults.arm({
      method: 'DELETE',
      path: `${KEYS}/`,
      status: 500,
      body: { exception_class: 'InternalError', message: 'Boom.', request_id: 'rid-del' },
    });
    const { user, dialog, button, onDeleted, onClose } = await renderDialog(seedKey('oldDemo'));
    await user.click(button);
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Boom.');
    expect(alert).toHaveTextContent('rid-del');
    expect(alert).toHaveTextContent(/deleting again is safe/);
    expect(onDeleted).not.toHaveBeenCalled();
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getByRole('dialog', { name: 'Delete API key' })).toBeInTheDocument();
    await waitFor(() => expect(button).toBeEnabled());
    await user.click(button);
    await waitFor(() => expect(onDeleted).toHaveBeenCalledWith('deleted'));
    expect(deletes()).toHaveLength(2);
  });

  it('sends one DELETE however fast the button is pressed', async () => {
    const letThrough = holdRequests((method) => method === 'DELETE');
    const { user, button, onDeleted } = await renderDialog(seedKey('oldDemo'));
    await user.dblClick(button);
    await user.click(button);
    expect(button).toBeDisabled();
    letThrough();
    await waitFor(() => expect(onDeleted).toHaveBeenCalledOnce());
    expect(deletes()).toHaveLength(1);
  });

  it('closes on Cancel without deleting', async () => {
    const { user, dialog, onClose } = await renderDialog(seedKey('ciPipeline'));
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(onClose).toHaveBeenCalledOnce();
    expect(deletes()).toHaveLength(0);
  });
});
