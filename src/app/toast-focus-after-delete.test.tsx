import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_TASK_DURATION_MS } from '../../sandbox/create-sandbox';
import { apiKeyKeys } from '../features/api-keys/api/api-key-query-keys';
import { keysAdapterV3 } from '../features/api-keys/api/v3/api-key-v3-adapter';
import { KeysPage } from '../features/api-keys/keys-page';
import { bindingApiV3 } from '../features/deployments/api/v3/deployment-v3-calls';
import { jobRetryPath } from '../features/jobs/api/job-contract';
import { withApiVersionMeta } from '../test/api-version-meta';
import { poll, setupJobsFake } from '../test/jobs-fake';
import { renderWithClient } from '../test/render-with-client';
import { setupSandbox } from '../test/sandbox-server';
import { testClock } from '../test/test-clock';
import { BindingFailureNotices } from './binding-failure-notices';

setupSandbox();
const jobs = setupJobsFake();
withApiVersionMeta('v3');
beforeEach(() => window.history.replaceState(null, '', '/'));
const KEY = 'mobile-app-prod'; // seeded on llama-3-8b-chat and mistral-7b-instruct
const DEPLOYMENTS = ['llama-3-8b-chat', 'mistral-7b-instruct'];

const rows = () =>
  screen.queryAllByRole('row').filter((row) => row.querySelector('td button') !== null);
const rowOf = (name: string) =>
  rows().find((row) => row.querySelector('td button')?.textContent === name);
const toast = () =>
  screen
    .queryAllByRole('alert')
    .find((alert) => alert.textContent?.includes(`Deleting ${KEY} failed`));

/** The page as the app lays it out: the list in <main>, the notices after it. */
function renderPage() {
  return renderWithClient(
    <>
      <main tabIndex={-1}>
        <KeysPage />
      </main>
      <BindingFailureNotices />
    </>,
    { generation: 'v3' },
  );
}

/** A detach and delete whose DELETE failed after its dialog closed: its toast is up. */
async function failedDetachAndDelete() {
  const rendered = renderPage();
  const { user, client } = rendered;
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
  await waitFor(() => expect(jobs.jobs).toHaveLength(1));
  await user.click(within(dialog).getByRole('button', { name: 'Close' }));
  await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Delete API key' })).toBeNull());
  const { id } = jobs.latest(KEY);
  for (const deployment of DEPLOYMENTS) jobs.step(id, deployment, 'done');
  jobs.fail(id, `Deleting ${KEY} failed: Database hiccup. (request ID rq-1)`);
  await poll(client);
  await waitFor(() => expect(toast()).toBeDefined());
  return { ...rendered, id };
}

/** What the server's job does on Gcore when it lands: detached from each, then deleted. */
async function serverDetachesAndDeletes() {
  const api = bindingApiV3(1);
  for (const deployment of DEPLOYMENTS) {
    const { api_keys } = await api.getDeployment(deployment);
    await api.setDeploymentKeys(
      deployment,
      api_keys.filter((name) => name !== KEY),
    );
  }
  testClock.advance(2 * DEFAULT_TASK_DURATION_MS);
  await keysAdapterV3.deleteKey(1, KEY);
}

describe('focus in the failure toast while its key is deleted by the job', () => {
  it('stays in the toast while it stays, then goes to the next row, never to <main>', async () => {
    const { user, client, id } = await failedDetachAndDelete();
    const names = rows().map((row) => row.querySelector('td button')?.textContent);
    const at = names.indexOf(KEY);
    const neighbour = names[at + 1] ?? names[at - 1];
    if (neighbour === undefined) throw new Error(`${KEY} is the only seeded key`);

    const retry = within(toast() as HTMLElement).getByRole('button', {
      name: `Retry deleting ${KEY}`,
    });
    await user.click(retry);
    await waitFor(() => expect(jobs.log.some((e) => e.path === jobRetryPath(id))).toBe(true));
    expect(retry).toHaveFocus();

    // The list reads the key gone before the page's next poll of the job.
    await serverDetachesAndDeletes();
    await client.invalidateQueries({ queryKey: apiKeyKeys.all });
    await waitFor(() => expect(rowOf(KEY)).toBeUndefined());
    expect(toast()).toBeDefined();
    expect(retry).toHaveFocus();

    jobs.finish(id);
    await poll(client);
    await waitFor(() => expect(toast()).toBeUndefined());
    expect(rowOf(neighbour)).toHaveFocus();
  });

  it('goes to the next row when the job lands before the list reads the key gone', async () => {
    const { user, client, id } = await failedDetachAndDelete();
    const names = rows().map((row) => row.querySelector('td button')?.textContent);
    const at = names.indexOf(KEY);
    const neighbour = names[at + 1] ?? names[at - 1];
    if (neighbour === undefined) throw new Error(`${KEY} is the only seeded key`);

    await user.click(
      within(toast() as HTMLElement).getByRole('button', { name: `Retry deleting ${KEY}` }),
    );
    await waitFor(() => expect(jobs.log.some((e) => e.path === jobRetryPath(id))).toBe(true));
    await serverDetachesAndDeletes();
    jobs.finish(id);
    await poll(client);
    await waitFor(() => expect(toast()).toBeUndefined());
    await client.invalidateQueries({ queryKey: apiKeyKeys.all });
    await waitFor(() => expect(rowOf(KEY)).toBeUndefined());
    expect(rowOf(neighbour)).toHaveFocus();
  });
});
