import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SEED_DEPLOYMENT_IDS } from '../../../../sandbox/seed/deployments';
import { KEYS } from '../../../../sandbox/testing/sandbox-test-client';
import { createsAt, renderCreateForm } from '../../../test/create-form';
import { setupSandbox } from '../../../test/sandbox-server';

const sandbox = setupSandbox();
const creates = () => createsAt(sandbox);

describe('CreateApiKeyForm', () => {
  it('preselects the default project and lists its deployments with their status', async () => {
    await renderCreateForm();
    expect(screen.getByRole('combobox', { name: 'Project' })).toHaveValue('1');
    const group = screen.getByRole('group', { name: 'Deployments' });
    expect(
      within(group).getByRole('checkbox', { name: 'llama-3-8b-chat Active' }),
    ).toBeInTheDocument();
    expect(
      within(group).getByRole('checkbox', { name: 'stable-diffusion-xl Disabled' }),
    ).toBeInTheDocument();
  });

  it('reloads the deployments when the project changes, dropping the old selection', async () => {
    const { user } = await renderCreateForm();
    await user.click(screen.getByRole('checkbox', { name: /^qwen2-72b-instruct/ }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Project' }), '2');
    expect(await screen.findByRole('checkbox', { name: /^whisper-small/ })).not.toBeChecked();
    expect(screen.queryByRole('checkbox', { name: /^qwen2-72b-instruct/ })).not.toBeInTheDocument();
    expect(screen.getByText(/None selected/)).toBeInTheDocument();
  });

  it('explains the name rule up front and the exact problem after the field is left', async () => {
    const { user } = await renderCreateForm();
    const name = screen.getByRole('textbox', { name: 'Name' });
    expect(name).toHaveAccessibleDescription(/lower-case letters a–z/);
    await user.type(name, 'Prod');
    expect(name).toHaveAttribute('aria-invalid', 'false');
    await user.tab();
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription(/“P” is upper-case/);
    await user.clear(name);
    await user.type(name, 'prod');
    expect(name).toHaveAttribute('aria-invalid', 'false');
  });

  it('filters, selects all shown and none', async () => {
    const { user } = await renderCreateForm();
    await user.type(screen.getByRole('searchbox', { name: 'Filter deployments' }), 'instruct');
    await user.click(screen.getByRole('button', { name: 'Select all shown' }));
    await user.clear(screen.getByRole('searchbox', { name: 'Filter deployments' }));
    expect(screen.getByRole('checkbox', { name: /^mistral-7b-instruct/ })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: /^qwen2-72b-instruct/ })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: /^llama-3-8b-chat/ })).not.toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Select none' }));
    expect(screen.queryAllByRole('checkbox', { checked: true })).toHaveLength(0);
    await user.type(screen.getByRole('searchbox', { name: 'Filter deployments' }), 'zzz');
    expect(screen.getByText('No deployment matches “zzz”.')).toBeVisible();
  });

  it('creates the key and reveals its secret', async () => {
    const { user } = await renderCreateForm();
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'reveal-me');
    await user.click(screen.getByRole('checkbox', { name: /^llama-3-8b-chat/ }));
    await user.click(screen.getByRole('button', { name: 'Create API key' }));
    const dialog = await screen.findByRole('dialog', { name: 'Save your API key' });
    await user.click(within(dialog).getByRole('button', { name: 'Show secret' }));
    expect((within(dialog).getByLabelText('Secret') as HTMLInputElement).value).toMatch(
      /^[\w-]{43,}$/,
    );
    expect(creates()).toHaveLength(1);
    expect(creates()[0]?.body).toMatchObject({
      name: 'reveal-me',
      description: null,
      inference_instance_ids: [SEED_DEPLOYMENT_IDS.llamaChat],
      project_id: 1,
    });
  });

  it('puts a duplicate name (409) on Name, focused, keeping what was typed', async () => {
    const { user } = await renderCreateForm();
    const name = screen.getByRole('textbox', { name: 'Name' });
    await user.type(name, 'ci-pipeline');
    await user.type(screen.getByRole('textbox', { name: /Description/ }), 'keep me');
    await user.click(screen.getByRole('button', { name: 'Create API key' }));
    await waitFor(() => expect(name).toHaveAccessibleDescription(/“ci-pipeline” already exists/));
    expect(name).toHaveFocus();
    expect(screen.getByRole('textbox', { name: /Description/ })).toHaveValue('keep me');
  });

  it('puts an unknown deployment (404) on the instances', async () => {
    sandbox.faults.arm({
      method: 'POST',
      path: KEYS,
      status: 404,
      body: {
        exception_class: 'NotFoundError',
        message: `Inference instance ${SEED_DEPLOYMENT_IDS.llamaChat} not found`,
        request_id: 'r1',
      },
    });
    const { user } = await renderCreateForm();
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'gone-instance');
    await user.click(screen.getByRole('checkbox', { name: /^llama-3-8b-chat/ }));
    await user.click(screen.getByRole('button', { name: 'Create API key' }));
    const group = screen.getByRole('group', { name: 'Deployments' });
    await waitFor(() =>
      expect(group).toHaveAccessibleDescription(new RegExp(SEED_DEPLOYMENT_IDS.llamaChat)),
    );
  });

  it.each([
    [401, { 'retry-after': '' }, /Ask whoever runs it to renew its API token/],
    [403, {}, /role/],
    [429, { 'retry-after': '30' }, /Try again in 30 seconds/],
  ])('explains a %i in an alert', async (status, headers, text) => {
    sandbox.faults.arm({
      method: 'POST',
      path: KEYS,
      status,
      headers,
      body: { exception_class: 'X', message: 'No.', request_id: 'req-42' },
    });
    const { user } = await renderCreateForm();
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'some-key');
    await user.click(screen.getByRole('button', { name: 'Create API key' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(text);
    expect(alert).toHaveTextContent('req-42');
  });
});
