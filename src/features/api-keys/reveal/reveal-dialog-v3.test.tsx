import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { secretBox } from '../../../lib/secret-box';
import { poll, setupJobsFake } from '../../../test/jobs-fake';
import { renderWithClient } from '../../../test/render-with-client';
import { setupSandbox } from '../../../test/sandbox-server';
import type { DeploymentRecord } from '../../deployments/api/deployment-record';
import type { KeyRecord } from '../api/key-model';
import { RevealDialog } from './reveal-dialog';

const SECRET = 'sEcReT-value_0123456789abcdefghijklmnopqrstuv';

describe('RevealDialog on v3', () => {
  setupSandbox();
  const jobs = setupJobsFake();

  const v3Deployment = (name: string): DeploymentRecord => ({
    ref: name,
    name,
    status: 'ACTIVE',
    address: `https://${name}.example.test`,
    authEnabled: false,
    keyRefs: [],
  });
  const key: KeyRecord = {
    id: 'old-demo',
    name: 'old-demo',
    description: null,
    createdAt: '2026-11-28T16:00:00Z',
    expiresAt: null,
    deploymentRefs: [],
    status: null,
  };
  const chosen = ['mistral-7b-instruct', 'llama-3-8b-chat'];

  function renderReveal() {
    return renderWithClient(
      <RevealDialog
        createdKey={{
          key,
          secret: secretBox(SECRET),
          deploymentRefs: chosen,
          pendingBindings: chosen,
        }}
        deployments={chosen.map(v3Deployment)}
        projectId={1}
        onClose={vi.fn()}
      />,
      { generation: 'v3' },
    );
  }

  it('posts one bind job to the server for the chosen deployments, once', async () => {
    renderReveal();
    await screen.findByRole('dialog', { name: 'Save your API key' });
    await waitFor(() => expect(jobs.jobs).toHaveLength(1));
    const posts = jobs.log.filter((entry) => entry.method === 'POST');
    expect(posts).toEqual([
      {
        method: 'POST',
        path: '/__app/jobs',
        body: { kind: 'bind', project_id: 1, key_name: 'old-demo', deployments: chosen },
      },
    ]);
  });

  it("shows the job's steps as the server reports them, and Retry asks the server to resume", async () => {
    const { user, client } = renderReveal();
    const dialog = await screen.findByRole('dialog', { name: 'Save your API key' });
    const note = /Bindings go on if you close this dialog/;
    const row = (name: string) =>
      within(dialog)
        .getAllByRole('listitem')
        .find((item) => item.textContent?.includes(name)) as HTMLElement;
    await waitFor(() => expect(jobs.jobs).toHaveLength(1));
    const { id } = jobs.latest();
    expect(dialog).toHaveTextContent(note);

    jobs.step(id, 'mistral-7b-instruct', 'running');
    await poll(client);
    await waitFor(() => expect(row('mistral-7b-instruct')).toHaveTextContent('binding…'));
    expect(row('llama-3-8b-chat')).toHaveTextContent('waiting to start');

    jobs.step(id, 'mistral-7b-instruct', 'done');
    jobs.fail(id, "The API's task failed: GPU quota", 'llama-3-8b-chat');
    await poll(client);
    await waitFor(() => expect(row('mistral-7b-instruct')).toHaveTextContent('bound'));
    expect(row('llama-3-8b-chat')).toHaveTextContent("failed: The API's task failed: GPU quota");
    expect(dialog).not.toHaveTextContent(note);

    await user.click(
      within(dialog).getByRole('button', { name: 'Retry binding to llama-3-8b-chat' }),
    );
    await waitFor(() =>
      expect(jobs.log.some((entry) => entry.path === `/__app/jobs/${id}/retry`)).toBe(true),
    );
    await waitFor(() => expect(row('llama-3-8b-chat')).toHaveTextContent('waiting to start'));
    expect(dialog).toHaveTextContent(note);
    jobs.finish(id);
    await poll(client);
    await waitFor(() => expect(row('llama-3-8b-chat')).toHaveTextContent('bound'));
    expect(dialog).not.toHaveTextContent(note);
  });

  it.each([
    [
      'answers 503 (its data directory is in use)',
      {
        status: 503,
        exceptionClass: 'JobsUnavailable',
        message: 'Jobs are unavailable: The jobs database in .data is in use by process 4242.',
      },
      'Jobs are unavailable: The jobs database in .data is in use by process 4242.',
    ],
    ['cannot be reached', 'network' as const, 'The connection to the API failed'],
  ])(
    'when the jobs service %s: says the key exists unbound, and Retry starts the bindings',
    async (_, refusal, reason) => {
      jobs.refuseNext('POST', refusal);
      const { user } = renderReveal();
      const dialog = await screen.findByRole('dialog', { name: 'Save your API key' });
      const alert = await within(dialog).findByRole('alert');
      expect(alert).toHaveTextContent(
        'The key old-demo exists, but its bindings did not start: ' + reason,
      );
      expect(alert).toHaveTextContent('Retry to bind it');
      expect(screen.getByLabelText('Secret')).toBeInTheDocument();
      expect(dialog).not.toHaveTextContent(/Bindings go on if you close this dialog/);
      expect(jobs.jobs).toHaveLength(0);

      await user.click(
        within(dialog).getByRole('button', { name: 'Retry binding to llama-3-8b-chat' }),
      );
      await waitFor(() => expect(jobs.jobs).toHaveLength(1));
      expect(jobs.latest().steps.map((step) => step.deployment)).toEqual(chosen);
      await waitFor(() => expect(within(dialog).queryByRole('alert')).toBeNull());
      expect(dialog).toHaveTextContent(/Bindings go on if you close this dialog/);
    },
  );

  it.each([
    [
      'is refused (409: someone resumed it meanwhile)',
      {
        status: 409,
        exceptionClass: 'JobNotResumable',
        message: 'This job is running: only a failed or interrupted job can be resumed.',
      },
      'This job is running: only a failed or interrupted job can be resumed.',
    ],
    ['cannot reach the server', 'network' as const, 'The connection to the API failed'],
  ])('a Retry that %s says so in the dialog', async (_, refusal, reason) => {
    const { user, client } = renderReveal();
    const dialog = await screen.findByRole('dialog', { name: 'Save your API key' });
    await waitFor(() => expect(jobs.jobs).toHaveLength(1));
    const { id } = jobs.latest();
    jobs.fail(id, "The API's task failed: GPU quota", 'mistral-7b-instruct');
    await poll(client);
    const retry = await within(dialog).findByRole('button', {
      name: 'Retry binding to mistral-7b-instruct',
    });
    jobs.refuseNext('POST', refusal);
    await user.click(retry);
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent(`The retry did not go through: ${reason}`);
    expect(retry).toHaveFocus();
  });
});
