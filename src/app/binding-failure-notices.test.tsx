import { act, screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { KeysPage } from '../features/api-keys/keys-page';
import { v3DeploymentPath } from '../features/deployments/api/v3/deployment-v3-schemas';
import { withApiVersionMeta } from '../test/api-version-meta';
import { renderWithClient } from '../test/render-with-client';
import { DEFAULT_TASK_DURATION_MS } from '../../sandbox/create-sandbox';
import { setupSandbox } from '../test/sandbox-server';
import { testClock } from '../test/test-clock';
import { BindingFailureNotices } from './binding-failure-notices';

// The test clock stands still once a scenario starts: a task runs until the test moves time past
// its end, so a dialog can be closed while it runs, and it ends (in ERROR, when armed) when told.
const endRunningTasks = () => testClock.advance(2 * DEFAULT_TASK_DURATION_MS);
const sandbox = setupSandbox();
withApiVersionMeta('v3');
const DEPLOYMENT = 'mistral-7b-instruct';
const patches = () =>
  sandbox.requestLog
    .entries()
    .filter((e) => e.method === 'PATCH' && e.path === v3DeploymentPath(1, DEPLOYMENT));

beforeAll(() => {
  const meta = Object.assign(document.createElement('meta'), {
    name: 'gcore-task-poll-ms',
    content: '20',
  });
  document.head.append(meta);
});
afterAll(() => document.head.querySelector('meta[name="gcore-task-poll-ms"]')?.remove());
beforeEach(() => window.history.replaceState(null, '', '/'));

const toast = () =>
  screen
    .queryAllByRole('alert')
    .find((alert) =>
      alert.textContent?.includes('Binding late-bind to mistral-7b-instruct failed'),
    );
const rowOf = (name: string) =>
  screen.queryAllByRole('row').find((row) => row.querySelector('td button')?.textContent === name);

/** Creates `late-bind` bound to mistral, closes the reveal while the task runs, then fails it. */
async function createAndFailAfterDone() {
  sandbox.tasks.arm({ outcome: 'error', deployment: DEPLOYMENT, error: 'GPU quota exceeded' });
  testClock.pause();
  const rendered = renderWithClient(
    <>
      <KeysPage />
      <BindingFailureNotices />
    </>,
    { generation: 'v3' },
  );
  const { user } = rendered;
  const opener = await screen.findByRole('button', { name: 'Create API key' });
  await waitFor(() => expect(opener).toBeEnabled());
  await user.click(opener);
  const sheet = screen.getByRole('dialog', { name: 'Create an API key' });
  await user.type(await within(sheet).findByRole('textbox', { name: 'Name' }), 'late-bind');
  await user.click(
    await within(sheet).findByRole('checkbox', { name: new RegExp(`^${DEPLOYMENT}`) }),
  );
  await user.click(within(sheet).getByRole('button', { name: 'Create API key' }));
  const reveal = await screen.findByRole('dialog', { name: 'Save your API key' });
  await waitFor(() => expect(patches()).toHaveLength(1));
  expect(reveal).toHaveTextContent('binding…');
  await user.click(within(reveal).getByRole('button', { name: 'Done' }));
  // The secret was never copied: Done asks first.
  await user.click(within(reveal).getByRole('button', { name: 'Close without copying' }));
  await waitFor(() =>
    expect(screen.queryByRole('dialog', { name: 'Save your API key' })).toBeNull(),
  );
  expect(toast()).toBeUndefined();
  endRunningTasks();
  return rendered;
}

describe('a binding that fails after the reveal is closed', () => {
  it('reaches the person: a toast naming key, deployment and reason, kept until dismissed', async () => {
    const { user, client } = await createAndFailAfterDone();
    await waitFor(() => expect(toast()).toBeDefined());
    expect(toast()).toHaveTextContent('GPU quota exceeded');
    expect(toast()).toHaveTextContent('late-bind does not unlock mistral-7b-instruct');
    // The finished job leaving the mutation cache (its gcTime) takes nothing away.
    act(() => client.getMutationCache().clear());
    expect(toast()).toBeDefined();

    const row = rowOf('late-bind') as HTMLElement;
    await waitFor(() => expect(row).toHaveTextContent('binding failed'));
    await user.click(
      within(toast() as HTMLElement).getByRole('button', {
        name: 'Dismiss the notice about late-bind',
      }),
    );
    expect(toast()).toBeUndefined();
    // The list still says what went wrong until a retry lands.
    expect(row).toHaveTextContent('binding failed');
    expect(document.activeElement).not.toBe(document.body);
  });

  it('Retry in the toast runs the binding again; when it lands the toast and the mark go', async () => {
    const { user } = await createAndFailAfterDone();
    await waitFor(() => expect(toast()).toBeDefined());
    await user.click(
      within(toast() as HTMLElement).getByRole('button', { name: 'Retry binding late-bind' }),
    );
    expect(await within(toast() as HTMLElement).findByRole('status')).toHaveTextContent(
      'Retrying…',
    );
    await waitFor(() => expect(patches()).toHaveLength(2));
    endRunningTasks();
    await waitFor(() => expect(toast()).toBeUndefined());
    const row = rowOf('late-bind') as HTMLElement;
    await waitFor(() => expect(row).toHaveTextContent(DEPLOYMENT));
    expect(row).not.toHaveTextContent('binding failed');
  });

  it("the row mark's Retry re-runs the failed binding too", async () => {
    const { user } = await createAndFailAfterDone();
    await waitFor(() => expect(toast()).toBeDefined());
    const row = rowOf('late-bind') as HTMLElement;
    await user.click(
      await within(row).findByRole('button', { name: `Retry binding late-bind to ${DEPLOYMENT}` }),
    );
    await waitFor(() => expect(patches()).toHaveLength(2));
    expect(row).toHaveTextContent('binding…');
    endRunningTasks();
    await waitFor(() => expect(toast()).toBeUndefined());
    await waitFor(() => expect(row).not.toHaveTextContent(/binding failed|binding…/));
  });

  it('deleting the key takes its failure with it: the toast goes and nothing is left to retry', async () => {
    const { user } = await createAndFailAfterDone();
    await waitFor(() => expect(toast()).toBeDefined());
    await user.click(screen.getByRole('button', { name: 'Actions for late-bind' }));
    await user.click(screen.getByRole('menuitem', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete API key' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete key' }));
    await waitFor(() => expect(rowOf('late-bind')).toBeUndefined());
    expect(toast()).toBeUndefined();
    expect(screen.queryByRole('button', { name: 'Retry binding late-bind' })).toBeNull();
  });
});
