import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { KeysPage } from '../features/api-keys/keys-page';
import { v3ApiKeyPath } from '../features/api-keys/api/v3/api-key-v3-schemas';
import { v3DeploymentPath } from '../features/deployments/api/v3/deployment-v3-schemas';
import { withApiVersionMeta } from '../test/api-version-meta';
import { renderWithClient } from '../test/render-with-client';
import { DEFAULT_TASK_DURATION_MS } from '../../sandbox/create-sandbox';
import { setupSandbox } from '../test/sandbox-server';
import { testClock } from '../test/test-clock';
import { withTaskPollMs } from '../test/task-poll-meta';
import { BindingFailureNotices } from './binding-failure-notices';

// The test clock stands still once a scenario starts: a task runs until the test moves time past
// its end, so a dialog can be closed while it runs, and it ends (in ERROR, when armed) when told.
const endRunningTasks = () => testClock.advance(2 * DEFAULT_TASK_DURATION_MS);
const sandbox = setupSandbox();
withApiVersionMeta('v3');
withTaskPollMs(20);
beforeEach(() => window.history.replaceState(null, '', '/'));
const KEY = 'mobile-app-prod'; // seeded on llama-3-8b-chat and mistral-7b-instruct

const patchesOf = (deployment: string) =>
  sandbox.requestLog
    .entries()
    .filter((e) => e.method === 'PATCH' && e.path === v3DeploymentPath(1, deployment));
const toast = () =>
  screen
    .queryAllByRole('alert')
    .find((alert) => alert.textContent?.includes(`Deleting ${KEY} failed`));
const rowOf = (name: string) =>
  screen.queryAllByRole('row').find((row) => row.querySelector('td button')?.textContent === name);

/** Starts "Detach and delete" on the key, closes its dialog at once, then lets both detaches end. */
async function detachAndDeleteAfterClose() {
  testClock.pause();
  const rendered = renderWithClient(
    <>
      <KeysPage />
      <BindingFailureNotices />
    </>,
    { generation: 'v3' },
  );
  const { user } = rendered;
  await user.click(await screen.findByRole('button', { name: `Actions for ${KEY}` }));
  await user.click(screen.getByRole('menuitem', { name: 'Delete' }));
  const dialog = await screen.findByRole('dialog', { name: 'Delete API key' });
  await user.type(
    within(dialog).getByRole('textbox', { name: 'Type the key name to confirm' }),
    KEY,
  );
  await user.type(
    within(dialog).getByRole('textbox', { name: 'Type mistral-7b-instruct to confirm' }),
    'mistral-7b-instruct',
  );
  await user.click(within(dialog).getByRole('button', { name: 'Detach and delete' }));
  await waitFor(() => expect(patchesOf('llama-3-8b-chat')).toHaveLength(1));
  await user.click(within(dialog).getByRole('button', { name: 'Close' }));
  await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Delete API key' })).toBeNull());
  expect(rowOf(KEY)).toHaveTextContent('deleting…');
  endRunningTasks();
  await waitFor(() => expect(patchesOf('mistral-7b-instruct')).toHaveLength(1));
  expect(toast()).toBeUndefined();
  endRunningTasks();
  return rendered;
}

describe('a detach and delete that fails after its dialog closed', () => {
  it('a failed DELETE: a toast and the row mark; Retry deleting deletes it, and both go', async () => {
    sandbox.faults.arm({
      method: 'DELETE',
      path: v3ApiKeyPath(1, KEY),
      status: 500,
      body: { exception_class: 'InternalError', message: 'Database hiccup.', request_id: 'rq-1' },
    });
    const { user } = await detachAndDeleteAfterClose();
    await waitFor(() => expect(toast()).toBeDefined());
    expect(toast()).toHaveTextContent('Database hiccup.');
    expect(toast()).toHaveTextContent(`${KEY} may still exist`);
    const row = rowOf(KEY) as HTMLElement;
    await waitFor(() => expect(row).toHaveTextContent('deleting failed'));
    expect(row).not.toHaveTextContent('deleting…');

    await user.click(
      within(toast() as HTMLElement).getByRole('button', { name: `Retry deleting ${KEY}` }),
    );
    await waitFor(() => expect(rowOf(KEY)).toBeUndefined());
    expect(toast()).toBeUndefined();
    // Both deployments were already detached: the retry asked for no task.
    expect(patchesOf('llama-3-8b-chat')).toHaveLength(1);
    expect(patchesOf('mistral-7b-instruct')).toHaveLength(1);
  });

  it("a failed detach: the toast names the deployment; the row's Retry detaches only what is left", async () => {
    sandbox.tasks.arm({ outcome: 'error', deployment: 'mistral-7b-instruct', error: 'GPU quota' });
    const { user } = await detachAndDeleteAfterClose();
    await waitFor(() => expect(toast()).toBeDefined());
    expect(toast()).toHaveTextContent('Detaching from mistral-7b-instruct');
    expect(toast()).toHaveTextContent('GPU quota');
    expect(toast()).toHaveTextContent(`${KEY} still exists`);
    const row = rowOf(KEY) as HTMLElement;
    await user.click(await within(row).findByRole('button', { name: `Retry deleting ${KEY}` }));
    await waitFor(() => expect(patchesOf('mistral-7b-instruct')).toHaveLength(2));
    expect(row).toHaveTextContent('deleting…');
    endRunningTasks();
    await waitFor(() => expect(rowOf(KEY)).toBeUndefined());
    expect(toast()).toBeUndefined();
    expect(patchesOf('llama-3-8b-chat')).toHaveLength(1);
  });
});
