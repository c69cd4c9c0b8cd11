import { screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { holdRequests } from '../../../test/hold-requests';
import { renderWithClient } from '../../../test/render-with-client';
import { setupSandbox } from '../../../test/sandbox-server';
import { v3DeploymentPath } from '../../deployments/api/v3/deployment-v3-schemas';
import { v3ApiKeysPath } from '../api/v3/api-key-v3-schemas';
import { CreateApiKeyForm } from './create-api-key-form';

const sandbox = setupSandbox();
const log = () => sandbox.requestLog.entries();
const creates = () => log().filter((e) => e.method === 'POST' && e.path === v3ApiKeysPath(1));

// v3's adapter chunk, loaded before the first render rather than raced by it on a busy machine.
beforeAll(() => import('../api/v3/api-key-v3-adapter'));

async function fillV3(name: string, deployments: string[]) {
  const result = renderWithClient(<CreateApiKeyForm />, { generation: 'v3' });
  await screen.findByRole('checkbox', { name: /^llama-3-8b-chat/ });
  await result.user.type(screen.getByRole('textbox', { name: 'Name' }), name);
  for (const deployment of deployments) {
    await result.user.click(screen.getByRole('checkbox', { name: new RegExp(`^${deployment}`) }));
  }
  return result;
}

const row = (dialog: HTMLElement, deployment: string) =>
  within(dialog)
    .getAllByRole('listitem')
    .find((item) => item.textContent?.includes(deployment)) as HTMLElement;

describe('create on v3, bound through the deployments after the reveal', () => {
  it('asks for an acknowledgement where a deployment has no key today, keeping the input', async () => {
    const { user } = await fillV3('opens-whisper', ['llama-3-8b-chat', 'whisper-large-v3']);
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
  });

  it('reveals before any binding call is answered, shows progress, then bound with the snippet', async () => {
    // The deployment reads hang until let through: the secret must not wait for them.
    const letThrough = holdRequests(
      (method, path) => method === 'GET' && path.startsWith(v3DeploymentPath(1, '')),
    );
    const { user } = await fillV3('bound-two', ['llama-3-8b-chat', 'mistral-7b-instruct']);
    expect(screen.queryByRole('group', { name: /Key authentication turns on/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Create API key' }));
    const dialog = await screen.findByRole('dialog', { name: 'Save your API key' });
    expect(log().some((e) => e.method === 'PATCH')).toBe(false);
    expect(screen.getByLabelText('Secret')).toBeInTheDocument();
    expect(dialog).toHaveTextContent('An example call to llama-3-8b-chat is available once bound.');
    expect(within(dialog).queryByRole('region', { name: 'Example call' })).toBeNull();

    await waitFor(() => expect(row(dialog, 'llama-3-8b-chat')).toHaveTextContent('binding…'));
    letThrough(v3DeploymentPath(1, 'mistral-7b-instruct'));
    await waitFor(() => expect(row(dialog, 'mistral-7b-instruct')).toHaveTextContent('bound'));
    expect(row(dialog, 'llama-3-8b-chat')).toHaveTextContent('binding…');
    letThrough(v3DeploymentPath(1, 'llama-3-8b-chat'));
    await waitFor(() => expect(row(dialog, 'llama-3-8b-chat')).toHaveTextContent('bound'));
    const snippet = within(dialog).getByRole('region', { name: 'Example call' });
    expect(snippet).toHaveTextContent(/curl .*llama-3-8b-chat/);
    expect(dialog).toHaveTextContent('2 of 2 done.');
  });

  it('shows a failed task with its reason, and Retry binds it', async () => {
    sandbox.tasks.arm({ outcome: 'error', deployment: 'mistral-7b-instruct', error: 'GPU quota' });
    const { user } = await fillV3('retry-bind', ['mistral-7b-instruct']);
    await user.click(screen.getByRole('button', { name: 'Create API key' }));
    const dialog = await screen.findByRole('dialog', { name: 'Save your API key' });
    const retry = await within(dialog).findByRole('button', {
      name: 'Retry binding to mistral-7b-instruct',
    });
    expect(row(dialog, 'mistral-7b-instruct')).toHaveTextContent('failed: ');
    expect(row(dialog, 'mistral-7b-instruct')).toHaveTextContent('GPU quota');
    expect(dialog).toHaveTextContent('available once bound');
    await user.click(retry);
    await waitFor(() => expect(row(dialog, 'mistral-7b-instruct')).toHaveTextContent('bound'));
    expect(within(dialog).getByRole('region', { name: 'Example call' })).toBeInTheDocument();
  });

  it('on v2 the bindings go in the POST: no progress, the snippet at once', async () => {
    const { user } = renderWithClient(<CreateApiKeyForm />);
    await screen.findByRole('checkbox', { name: /^llama-3-8b-chat/ });
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'v2-unchanged');
    await user.click(screen.getByRole('checkbox', { name: /^llama-3-8b-chat/ }));
    await user.click(screen.getByRole('checkbox', { name: /^mistral-7b-instruct/ }));
    await user.click(screen.getByRole('button', { name: 'Create API key' }));
    const dialog = await screen.findByRole('dialog', { name: 'Save your API key' });
    expect(within(dialog).getByRole('region', { name: 'Example call' })).toBeInTheDocument();
    expect(dialog).not.toHaveTextContent(/binding…|done\./);
    expect(log().some((e) => e.method === 'PATCH')).toBe(false);
  });
});
