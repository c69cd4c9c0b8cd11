import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SEED_DEPLOYMENT_IDS } from '../../../../sandbox/seed/deployments';
import { createsAt, renderCreateForm } from '../../../test/create-form';
import { setupSandbox } from '../../../test/sandbox-server';

const sandbox = setupSandbox();
const creates = () => createsAt(sandbox);

describe('create on v2, where a deployment reports auth_enabled: false', () => {
  it('warns that binding turns key authentication on, and creates only once acknowledged', async () => {
    const { user } = await renderCreateForm();
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'opens-whisper');
    await user.click(screen.getByRole('checkbox', { name: /^llama-3-8b-chat/ }));
    expect(screen.queryByRole('group', { name: /Key authentication turns on/ })).toBeNull();
    // whisper-large-v3 has no key, so the API reports it open (auth_enabled: false).
    await user.click(screen.getByRole('checkbox', { name: /^whisper-large-v3/ }));
    const notice = screen.getByRole('group', {
      name: 'Key authentication turns on for a deployment',
    });
    expect(notice).toHaveTextContent('whisper-large-v3');
    expect(notice).not.toHaveTextContent('llama-3-8b-chat');
    const box = within(notice).getByRole('checkbox');
    await user.click(screen.getByRole('button', { name: 'Create API key' }));
    expect(box).toHaveAccessibleDescription(/Confirm that you understand/);
    expect(box).toHaveFocus();
    expect(creates()).toHaveLength(0);
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue('opens-whisper');

    await user.click(box);
    await user.click(screen.getByRole('button', { name: 'Create API key' }));
    await screen.findByRole('dialog', { name: 'Save your API key' });
    expect(creates()).toHaveLength(1);
    expect(creates()[0]?.body).toMatchObject({
      inference_instance_ids: [SEED_DEPLOYMENT_IDS.llamaChat, SEED_DEPLOYMENT_IDS.whisperLarge],
    });
  });
});
