import { screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { holdRequests } from '../../../test/hold-requests';
import { renderWithClient } from '../../../test/render-with-client';
import { poll, setupJobsFake } from '../../../test/jobs-fake';
import { setupSandbox } from '../../../test/sandbox-server';
import { JOBS_PATH, jobRetryPath } from '../../jobs/api/job-contract';
import { v3ApiKeysPath } from '../api/v3/api-key-v3-schemas';
import { CreateApiKeyForm } from './create-api-key-form';

const sandbox = setupSandbox();
const jobs = setupJobsFake();
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

describe('create on v3, bound by a job on the server after the reveal', () => {
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
    // The reveal posts the bind job as it opens: taken here, it cannot land in the next test.
    await waitFor(() => expect(jobs.jobs).toHaveLength(1));
  });

  it('reveals before the bind job is even taken, shows its progress, then bound with the snippet', async () => {
    // The job's start hangs until let through: the secret must not wait for it.
    const letThrough = holdRequests((method, path) => method === 'POST' && path === JOBS_PATH);
    const { user, client } = await fillV3('bound-two', ['llama-3-8b-chat', 'mistral-7b-instruct']);
    expect(screen.queryByRole('group', { name: /Key authentication turns on/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Create API key' }));
    const dialog = await screen.findByRole('dialog', { name: 'Save your API key' });
    expect(screen.getByLabelText('Secret')).toBeInTheDocument();
    expect(row(dialog, 'llama-3-8b-chat')).toHaveTextContent('waiting to start');
    expect(dialog).toHaveTextContent('An example call to llama-3-8b-chat is available once bound.');
    expect(within(dialog).queryByRole('region', { name: 'Example call' })).toBeNull();
    letThrough();
    await waitFor(() => expect(jobs.jobs).toHaveLength(1));
    const { id } = jobs.latest('bound-two');
    expect(jobs.jobs[0]?.steps.map((step) => step.deployment)).toEqual([
      'llama-3-8b-chat',
      'mistral-7b-instruct',
    ]);

    jobs.step(id, 'mistral-7b-instruct', 'done');
    jobs.step(id, 'llama-3-8b-chat', 'running');
    await poll(client);
    await waitFor(() => expect(row(dialog, 'mistral-7b-instruct')).toHaveTextContent('bound'));
    expect(row(dialog, 'llama-3-8b-chat')).toHaveTextContent('binding…');
    expect(within(dialog).queryByRole('region', { name: 'Example call' })).toBeNull();
    jobs.finish(id);
    await poll(client);
    await waitFor(() => expect(row(dialog, 'llama-3-8b-chat')).toHaveTextContent('bound'));
    const snippet = within(dialog).getByRole('region', { name: 'Example call' });
    expect(snippet).toHaveTextContent(/curl .*llama-3-8b-chat/);
    expect(dialog).toHaveTextContent('2 of 2 done.');
    // The server binds: the browser itself changed no deployment.
    expect(log().some((e) => e.method === 'PATCH')).toBe(false);
  });

  it('shows a failed step with its reason, and Retry asks the server to resume the job', async () => {
    const { user, client } = await fillV3('retry-bind', ['mistral-7b-instruct']);
    await user.click(screen.getByRole('button', { name: 'Create API key' }));
    const dialog = await screen.findByRole('dialog', { name: 'Save your API key' });
    await waitFor(() => expect(jobs.jobs).toHaveLength(1));
    const { id } = jobs.latest('retry-bind');
    jobs.fail(id, "The API's task failed: GPU quota", 'mistral-7b-instruct');
    await poll(client);
    const retry = await within(dialog).findByRole('button', {
      name: 'Retry binding to mistral-7b-instruct',
    });
    expect(row(dialog, 'mistral-7b-instruct')).toHaveTextContent(
      "failed: The API's task failed: GPU quota",
    );
    expect(dialog).toHaveTextContent('available once bound');
    await user.click(retry);
    await waitFor(() => expect(row(dialog, 'mistral-7b-instruct')).toHaveTextContent('waiting'));
    expect(jobs.log.filter((entry) => entry.path === jobRetryPath(id))).toHaveLength(1);
    jobs.finish(id);
    await poll(client);
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
