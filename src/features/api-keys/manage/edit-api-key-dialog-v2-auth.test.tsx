import { waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SEED_DEPLOYMENT_IDS as D } from '../../../../sandbox/seed/deployments';
import { renderEditDialog } from '../../../test/edit-dialog';
import { setupSandbox } from '../../../test/sandbox-server';

const sandbox = setupSandbox();
const patches = () => sandbox.requestLog.entries().filter((e) => e.method === 'PATCH');

describe('EditApiKeyDialog on v2: what a binding change does to the deployments', () => {
  it('asks for an acknowledgement before binding a deployment whose auth is off', async () => {
    const { user, dialog, save, onSaved } = await renderEditDialog('ciPipeline');
    await user.click(within(dialog).getByRole('checkbox', { name: /^whisper-large-v3/ }));
    const notice = within(dialog).getByRole('group', {
      name: 'Key authentication turns on for a deployment',
    });
    expect(notice).toHaveTextContent('whisper-large-v3');
    expect(save).toBeDisabled();
    expect(within(dialog).getByRole('status')).toHaveTextContent(
      'Confirm that callers sending no key will be refused to save.',
    );
    await user.click(within(notice).getByRole('checkbox'));
    expect(save).toBeEnabled();
    await user.click(save);
    await waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
    expect(patches()).toHaveLength(1);
    expect(patches()[0]?.body).toEqual({ inference_instance_ids: [D.llamaChat, D.whisperLarge] });
  });

  it('asks for the deployment’s name before removing its last key', async () => {
    const { user, dialog, save, onSaved } = await renderEditDialog('mobileAppProd');
    await user.click(within(dialog).getByRole('checkbox', { name: /^mistral-7b-instruct/ }));
    const warning = within(dialog).getByRole('group', {
      name: 'This deployment will accept requests without any key',
    });
    expect(warning).toHaveTextContent('mobile-app-prod is the last key of mistral-7b-instruct');
    // llama-3-8b-chat keeps ci-pipeline: no warning for it.
    expect(warning).not.toHaveTextContent('llama-3-8b-chat');
    expect(save).toBeDisabled();
    const confirm = within(warning).getByRole('textbox', {
      name: 'Type mistral-7b-instruct to confirm',
    });
    await user.type(confirm, 'mistral{Enter}');
    expect(patches()).toHaveLength(0);
    await user.clear(confirm);
    await user.type(confirm, 'mistral-7b-instruct');
    expect(save).toBeEnabled();
    await user.click(save);
    await waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
    expect(patches()[0]?.body).toEqual({ inference_instance_ids: [D.llamaChat] });
  });
});
