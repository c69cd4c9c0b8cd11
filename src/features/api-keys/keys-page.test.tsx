import { screen, waitFor, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { KEYS } from '../../../sandbox/testing/sandbox-test-client';
import { apiKeyKeys } from './api/api-key-query-keys';
import { renderWithClient } from '../../test/render-with-client';
import { withApiVersionMeta } from '../../test/api-version-meta';
import { setupSandbox } from '../../test/sandbox-server';
import { typeInKeysFilter } from '../../test/type-in-keys-filter';
import { KeysPage } from './keys-page';

// The server's choice, as the page gets it: these tests speak v2.
withApiVersionMeta('v2');
const sandbox = setupSandbox();

beforeEach(() => window.history.replaceState(null, '', '/'));

// The page's lazy chunks, loaded before the first render rather than raced by it on a busy machine.
beforeAll(() => import('./list/api-keys-panel'));
const table = () => screen.findByRole('table', { name: 'API keys' });

describe('KeysPage', () => {
  it('lists the default project’s keys, one row per key with its name first', async () => {
    renderWithClient(<KeysPage />);
    const rows = within(await table())
      .getAllByRole('row')
      .slice(1);
    const names = rows.map((row) => within(row).getAllByRole('button')[0]?.textContent);
    expect(names).toEqual(expect.arrayContaining(['ci-pipeline', 'mobile-app-prod', 'old-demo']));
    expect(names).not.toContain('staging-tests');
  });

  it('pages on the server and keeps the page in the URL', async () => {
    sandbox.reset({ seedKeys: 60 });
    const { user } = renderWithClient(<KeysPage />);
    await table();
    expect(screen.getByText(/^1–25 of 63$/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText(/^26–50 of 63$/)).toBeInTheDocument();
    expect(window.location.search).toContain('page=2');
    const lastList = sandbox.requestLog
      .entries()
      .filter((e) => e.path === KEYS)
      .at(-1);
    expect(lastList?.query).toContain('offset=25');
    expect(lastList?.query).toContain('limit=25');
  });

  it('sorts through order_by and filters by name across all pages', async () => {
    sandbox.reset({ seedKeys: 60 });
    const { user } = renderWithClient(<KeysPage />);
    await table();
    await user.click(screen.getByRole('button', { name: 'Name' }));
    await waitFor(() =>
      expect(sandbox.requestLog.entries().at(-1)?.query).toContain('order_by=name.asc'),
    );
    await typeInKeysFilter(user, 'generated-key-005');
    // Past the pause, every page of the project fetched.
    await waitFor(() => expect(screen.getByText(/^1–10 of 10$/)).toBeInTheDocument());
    expect(window.location.search).toContain('q=generated-key-005');
  });

  it('keeps the rows and says they may be stale when a refresh fails', async () => {
    const { client } = renderWithClient(<KeysPage />);
    await table();
    sandbox.faults.arm({ method: 'GET', path: KEYS, status: 503, times: 2 });
    await client.refetchQueries({ queryKey: apiKeyKeys.lists('v2') });
    // The time in the page's one format, with its zone (the run pins Asia/Kolkata).
    expect(
      await screen.findByText(/may be out of date \(loaded at \d\d:\d\d GMT\+5:30\)/),
    ).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'API keys' })).toHaveTextContent('ci-pipeline');
  });

  it('offers a retry when the first load fails', async () => {
    sandbox.faults.arm({
      method: 'GET',
      path: KEYS,
      status: 500,
      body: { exception_class: 'E', message: 'Down.', request_id: 'rq-1' },
    });
    const { user } = renderWithClient(<KeysPage />);
    const banner = await screen.findByRole('alert', { name: 'Gcore’s API can’t be reached' });
    expect(banner).toHaveTextContent('Gcore’s API can’t be reached right now. We’ll keep trying.');
    // The API's words and the request id, for whoever runs the dashboard.
    expect(
      within(banner)
        .getByText(/Down\./)
        .closest('details'),
    ).toHaveTextContent('rq-1');
    await user.click(within(banner).getByRole('button', { name: 'Retry' }));
    expect(await table()).toHaveTextContent('ci-pipeline');
    expect(screen.queryByRole('alert', { name: 'Gcore’s API can’t be reached' })).toBeNull();
  });

  it('says so, and stops asking, when the API ignores paging while a filter needs every key', async () => {
    window.history.replaceState(null, '', '/?q=ci');
    const row = {
      key_id: 'k1',
      name: 'ci-loop',
      status: 'ACTIVE',
      created_at: '2026-01-01T00:00:00Z',
    };
    // The same row at every offset, and a count that never lets the loop finish on its own.
    sandbox.faults.arm({
      method: 'GET',
      path: KEYS,
      status: 200,
      body: { count: 9999, results: [row] },
      times: 50,
    });
    renderWithClient(<KeysPage />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Could not load the API keys: The API answered offset 1 with rows it had already sent',
    );
    expect(sandbox.requestLog.entries().filter((e) => e.path === KEYS)).toHaveLength(2);
  });

  it('follows the project in the URL, in the list and in the form', async () => {
    window.history.replaceState(null, '', '/?project=2');
    const { user } = renderWithClient(<KeysPage />);
    expect(await table()).toHaveTextContent('staging-tests');
    await user.click(screen.getByRole('button', { name: 'Create API key' }));
    expect(await screen.findByRole('combobox', { name: 'Project' })).toHaveValue('2');
  });
});
