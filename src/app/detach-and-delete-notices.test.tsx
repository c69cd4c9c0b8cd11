import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { KeysPage } from '../features/api-keys/keys-page';
import { keysAdapterV3 } from '../features/api-keys/api/v3/api-key-v3-adapter';
import { bindingApiV3 } from '../features/deployments/api/v3/deployment-v3-calls';
import { jobRetryPath } from '../features/jobs/api/job-contract';
import { DEFAULT_TASK_DURATION_MS } from '../../sandbox/create-sandbox';
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

const toast = () =>
  screen
    .queryAllByRole('alert')
    .find((alert) => alert.textContent?.includes(`Deleting ${KEY} failed`));
const rowOf = (name: string) =>
  screen.queryAllByRole('row').find((row) => row.querySelector('td button')?.textContent === name);
const retries = (id: string) => jobs.log.filter((entry) => entry.path === jobRetryPath(id));

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

/** Starts "Detach and delete" on the key and closes its dialog while the server's job runs. */
async function detachAndDeleteAfterClose() {
  const rendered = renderWithClient(
    <>
      <KeysPage />
      <BindingFailureNotices />
    </>,
    { generation: 'v3' },
  );
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
  const { id } = jobs.latest(KEY);
  jobs.step(id, 'llama-3-8b-chat', 'running');
  await poll(client);
  await user.click(within(dialog).getByRole('button', { name: 'Close' }));
  await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Delete API key' })).toBeNull());
  await waitFor(() => expect(rowOf(KEY)).toHaveTextContent('deleting…'));
  expect(toast()).toBeUndefined();
  return { ...rendered, id };
}

describe('a detach and delete that fails after its dialog closed', () => {
  it('a failed DELETE: a toast and the row mark; Retry deleting resumes it, and both go', async () => {
    const { user, client, id } = await detachAndDeleteAfterClose();
    for (const deployment of DEPLOYMENTS) jobs.step(id, deployment, 'done');
    jobs.fail(id, `Deleting ${KEY} failed: Database hiccup. (request ID rq-1)`);
    await poll(client);
    await waitFor(() => expect(toast()).toBeDefined());
    expect(toast()).toHaveTextContent('Database hiccup.');
    expect(toast()).toHaveTextContent(`${KEY} may still exist`);
    const row = rowOf(KEY) as HTMLElement;
    await waitFor(() => expect(row).toHaveTextContent('deleting failed'));
    expect(row).not.toHaveTextContent('deleting…');

    await user.click(
      within(toast() as HTMLElement).getByRole('button', { name: `Retry deleting ${KEY}` }),
    );
    await waitFor(() => expect(retries(id)).toHaveLength(1));
    await serverDetachesAndDeletes();
    jobs.finish(id);
    await poll(client);
    await waitFor(() => expect(rowOf(KEY)).toBeUndefined());
    expect(toast()).toBeUndefined();
  });

  it("a failed detach: the toast names the deployment; the row's Retry resumes the job", async () => {
    const { user, client, id } = await detachAndDeleteAfterClose();
    jobs.fail(
      id,
      `Detaching ${KEY} from mistral-7b-instruct failed. The API's task failed: GPU quota`,
      'mistral-7b-instruct',
    );
    await poll(client);
    await waitFor(() => expect(toast()).toBeDefined());
    expect(toast()).toHaveTextContent('Detaching from mistral-7b-instruct');
    expect(toast()).toHaveTextContent('GPU quota');
    expect(toast()).toHaveTextContent(`${KEY} still exists`);
    const row = rowOf(KEY) as HTMLElement;
    await user.click(await within(row).findByRole('button', { name: `Retry deleting ${KEY}` }));
    await waitFor(() => expect(retries(id)).toHaveLength(1));
    await waitFor(() => expect(row).toHaveTextContent('deleting…'));
    // Only what was left is pending again: the first detach stays done.
    expect(jobs.latest(KEY).steps.map((step) => step.status)).toEqual(['done', 'pending']);
    await serverDetachesAndDeletes();
    jobs.finish(id);
    await poll(client);
    await waitFor(() => expect(rowOf(KEY)).toBeUndefined());
    expect(toast()).toBeUndefined();
  });
});
