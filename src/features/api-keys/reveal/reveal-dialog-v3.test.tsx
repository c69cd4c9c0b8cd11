import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_TASK_DURATION_MS } from '../../../../sandbox/create-sandbox';
import { secretBox } from '../../../lib/secret-box';
import { renderWithClient } from '../../../test/render-with-client';
import { setupSandbox } from '../../../test/sandbox-server';
import { withTaskPollMs } from '../../../test/task-poll-meta';
import { testClock } from '../../../test/test-clock';
import type { DeploymentRecord, KeyRecord } from '../api/key-model';
import { RevealDialog } from './reveal-dialog';

const SECRET = 'sEcReT-value_0123456789abcdefghijklmnopqrstuv';

describe('RevealDialog on v3', () => {
  // The test clock stands still in these tests: every task runs until the test moves time on.
  const sandbox = setupSandbox();
  withTaskPollMs(20);

  const v3Deployment = (name: string): DeploymentRecord => ({
    ref: name,
    name,
    status: 'ACTIVE',
    address: `https://${name}.example.test`,
    authEnabled: false,
    keyRefs: [],
  });
  const polledTasks = () =>
    new Set(
      sandbox.requestLog
        .entries()
        .filter((entry) => entry.method === 'GET' && entry.path.startsWith('/cloud/v1/tasks/'))
        .map((entry) => entry.path),
    ).size;

  it('says bindings go on after a close while any still runs, and no longer once they end', async () => {
    sandbox.tasks.arm({ outcome: 'error', deployment: 'llama-3-8b-chat', error: 'GPU quota' });
    testClock.pause();
    const chosen = ['mistral-7b-instruct', 'llama-3-8b-chat'];
    const key: KeyRecord = {
      id: 'old-demo',
      name: 'old-demo',
      description: null,
      createdAt: '2026-11-28T16:00:00Z',
      expiresAt: null,
      deploymentRefs: [],
      status: null,
    };
    const { user } = renderWithClient(
      <RevealDialog
        createdKey={{ key, secret: secretBox(SECRET), deploymentRefs: chosen }}
        deployments={chosen.map(v3Deployment)}
        projectId={1}
        onClose={vi.fn()}
      />,
      { generation: 'v3' },
    );
    const dialog = await screen.findByRole('dialog', { name: 'Save your API key' });
    const note = /Bindings go on if you close this dialog/;
    const row = (name: string) =>
      within(dialog)
        .getAllByRole('listitem')
        .find((item) => item.textContent?.includes(name)) as HTMLElement;
    expect(dialog).toHaveTextContent(note);
    await waitFor(() => expect(polledTasks()).toBe(2));
    expect(row('mistral-7b-instruct')).toHaveTextContent('binding…');
    expect(dialog).toHaveTextContent(note);

    testClock.advance(2 * DEFAULT_TASK_DURATION_MS);
    await waitFor(() => expect(row('mistral-7b-instruct')).toHaveTextContent('bound'));
    await waitFor(() => expect(row('llama-3-8b-chat')).toHaveTextContent('GPU quota'));
    expect(dialog).not.toHaveTextContent(note);

    // A retry runs again: the note is back while it does, though the other one is bound.
    await user.click(
      within(dialog).getByRole('button', { name: 'Retry binding to llama-3-8b-chat' }),
    );
    await waitFor(() => expect(polledTasks()).toBe(3));
    expect(row('llama-3-8b-chat')).toHaveTextContent('binding…');
    expect(dialog).toHaveTextContent(note);
    testClock.advance(2 * DEFAULT_TASK_DURATION_MS);
    await waitFor(() => expect(row('llama-3-8b-chat')).toHaveTextContent('bound'));
    expect(dialog).not.toHaveTextContent(note);
  });
});
