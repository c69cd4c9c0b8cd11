import { QueryClient } from '@tanstack/react-query';
import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { KeysPage } from '../features/api-keys/keys-page';
import { withApiVersionMeta } from '../test/api-version-meta';
import { poll, setupJobsFake } from '../test/jobs-fake';
import { renderWithClient } from '../test/render-with-client';
import { setupSandbox } from '../test/sandbox-server';
import { BindingFailureNotices } from './binding-failure-notices';

setupSandbox();
const jobs = setupJobsFake();
withApiVersionMeta('v3');
const DEPLOYMENT = 'mistral-7b-instruct';
const REASON = "The API's task failed: GPU quota exceeded";
beforeEach(() => window.history.replaceState(null, '', '/'));

const toast = () =>
  screen
    .queryAllByRole('alert')
    .find((alert) => alert.textContent?.includes(`Binding late-bind to ${DEPLOYMENT} failed`));
const rowOf = (name: string) =>
  screen.queryAllByRole('row').find((row) => row.querySelector('td button')?.textContent === name);
const freshClient = () =>
  new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });

function renderPage(client = freshClient()) {
  return renderWithClient(
    <>
      <KeysPage />
      <BindingFailureNotices />
    </>,
    { generation: 'v3', client },
  );
}

/** Creates `late-bind` bound to mistral, closes the reveal while its job runs, then fails it. */
async function createAndFailAfterDone() {
  const rendered = renderPage();
  const { user, client } = rendered;
  const opener = await screen.findByRole('button', { name: 'Create API key' });
  await waitFor(() => expect(opener).toBeEnabled());
  await user.click(opener);
  const sheet = await screen.findByRole('dialog', { name: 'Create an API key' });
  await user.type(await within(sheet).findByRole('textbox', { name: 'Name' }), 'late-bind');
  await user.click(
    await within(sheet).findByRole('checkbox', { name: new RegExp(`^${DEPLOYMENT}`) }),
  );
  await user.click(within(sheet).getByRole('button', { name: 'Create API key' }));
  const reveal = await screen.findByRole('dialog', { name: 'Save your API key' });
  await waitFor(() => expect(jobs.jobs).toHaveLength(1));
  const { id } = jobs.latest('late-bind');
  jobs.step(id, DEPLOYMENT, 'running');
  await poll(client);
  await waitFor(() => expect(reveal).toHaveTextContent('binding…'));
  await user.click(within(reveal).getByRole('button', { name: 'Done' }));
  // The secret was never copied: Done asks first.
  await user.click(within(reveal).getByRole('button', { name: 'Close without copying' }));
  await waitFor(() =>
    expect(screen.queryByRole('dialog', { name: 'Save your API key' })).toBeNull(),
  );
  await waitFor(() => expect(rowOf('late-bind')).toHaveTextContent('binding 0 of 1'));
  expect(toast()).toBeUndefined();
  jobs.fail(id, REASON, DEPLOYMENT);
  await poll(client);
  return { ...rendered, id };
}

describe('a binding job that fails after the reveal is closed', () => {
  it('reaches the person: a toast naming key, deployment and reason, kept until dismissed', async () => {
    const { user } = await createAndFailAfterDone();
    await waitFor(() => expect(toast()).toBeDefined());
    expect(toast()).toHaveTextContent(REASON);
    expect(toast()).toHaveTextContent(`late-bind does not unlock ${DEPLOYMENT}`);
    const row = rowOf('late-bind') as HTMLElement;
    await waitFor(() => expect(row).toHaveTextContent(`binding failed: ${REASON}`));

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

  it('a reload (same browser) still shows the failure, and a dismissal stays dismissed', async () => {
    const first = await createAndFailAfterDone();
    await waitFor(() => expect(toast()).toBeDefined());
    first.unmount();

    const second = renderPage();
    await waitFor(() => expect(toast()).toBeDefined());
    expect(toast()).toHaveTextContent(REASON);
    await second.user.click(
      within(toast() as HTMLElement).getByRole('button', {
        name: 'Dismiss the notice about late-bind',
      }),
    );
    second.unmount();

    renderPage();
    await waitFor(() => expect(rowOf('late-bind')).toHaveTextContent('binding failed'));
    expect(toast()).toBeUndefined();
  });

  it('Retry in the toast posts the retry; "Retrying…" until the job lands, then the toast goes', async () => {
    const { user, client, id } = await createAndFailAfterDone();
    await waitFor(() => expect(toast()).toBeDefined());
    await user.click(
      within(toast() as HTMLElement).getByRole('button', { name: 'Retry binding late-bind' }),
    );
    await waitFor(() =>
      expect(jobs.log.some((entry) => entry.path === `/__app/jobs/${id}/retry`)).toBe(true),
    );
    expect(await within(toast() as HTMLElement).findByRole('status')).toHaveTextContent(
      'Retrying…',
    );
    jobs.finish(id);
    await poll(client);
    await waitFor(() => expect(toast()).toBeUndefined());
    await waitFor(() =>
      expect(rowOf('late-bind')).not.toHaveTextContent(/binding failed|binding \d/),
    );
  });

  it("the row mark's Retry posts the retry too, and focus stays on the row", async () => {
    const { user, id } = await createAndFailAfterDone();
    const row = rowOf('late-bind') as HTMLElement;
    await user.click(
      await within(row).findByRole('button', { name: `Retry binding late-bind to ${DEPLOYMENT}` }),
    );
    await waitFor(() =>
      expect(jobs.log.some((entry) => entry.path === `/__app/jobs/${id}/retry`)).toBe(true),
    );
    await waitFor(() => expect(row).toHaveTextContent('binding 0 of 1'));
    expect(within(row).getByRole('button', { name: 'late-bind' })).toHaveFocus();
  });

  it('a Retry in the toast the server refuses (409) says so in the toast', async () => {
    const { user } = await createAndFailAfterDone();
    await waitFor(() => expect(toast()).toBeDefined());
    jobs.refuseNext('POST', {
      status: 409,
      exceptionClass: 'JobNotResumable',
      message: 'This job is running: only a failed or interrupted job can be resumed.',
    });
    await user.click(
      within(toast() as HTMLElement).getByRole('button', { name: 'Retry binding late-bind' }),
    );
    await waitFor(() =>
      expect(within(toast() as HTMLElement).getByRole('status')).toHaveTextContent(
        'The retry did not go through: This job is running',
      ),
    );
  });

  it("a row's Retry that cannot reach the server says so in the row", async () => {
    const { user } = await createAndFailAfterDone();
    const row = rowOf('late-bind') as HTMLElement;
    const retry = await within(row).findByRole('button', {
      name: `Retry binding late-bind to ${DEPLOYMENT}`,
    });
    jobs.refuseNext('POST', 'network');
    await user.click(retry);
    expect(await within(row).findByRole('alert')).toHaveTextContent(
      'The retry did not go through: The connection to the API failed',
    );
  });

  it('an interrupted job says so, in the row and the toast, with Resume', async () => {
    const { client, id } = await createAndFailAfterDone();
    jobs.interrupt(id);
    await poll(client);
    const row = rowOf('late-bind') as HTMLElement;
    await waitFor(() => expect(row).toHaveTextContent(/interrupted\s*·\s*Resume/));
    const notice = () =>
      screen
        .queryAllByRole('alert')
        .find((alert) => alert.textContent?.includes('Binding late-bind was interrupted'));
    await waitFor(() => expect(notice()).toBeDefined());
    expect(
      within(notice() as HTMLElement).getByRole('button', { name: 'Resume binding late-bind' }),
    ).toBeVisible();
  });

  it('deleting the key takes its notice with it', async () => {
    const { user } = await createAndFailAfterDone();
    await waitFor(() => expect(toast()).toBeDefined());
    await user.click(screen.getByRole('button', { name: 'Actions for late-bind' }));
    await user.click(screen.getByRole('menuitem', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete API key' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete key' }));
    await waitFor(() => expect(rowOf('late-bind')).toBeUndefined());
    expect(toast()).toBeUndefined();
  });
});
