import { screen, waitFor } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { withApiVersionMeta } from '../../../test/api-version-meta';
import { renderWithClient } from '../../../test/render-with-client';
import { setupSandbox } from '../../../test/sandbox-server';
import { setupJobsFake } from '../../../test/jobs-fake';
import { typeInKeysFilter } from '../../../test/type-in-keys-filter';
import { v3ApiKeysPath } from '../api/v3/api-key-v3-schemas';
import { KeysPage } from '../keys-page';

const sandbox = setupSandbox();
// The v3 list follows the project's jobs on the app's server.
setupJobsFake();
withApiVersionMeta('v3');

beforeEach(() => window.history.replaceState(null, '', '/'));

// The page's lazy chunks, loaded before the first render rather than raced by it on a busy machine.
beforeAll(() => Promise.all([import('./api-keys-panel'), import('../api/v3/api-key-v3-adapter')]));
const table = () => screen.findByRole('table', { name: 'API keys' });
// Plain selectors, not role queries: those walk the accessibility tree and are slow in jsdom.
const names = (grid: HTMLElement) =>
  [...grid.querySelectorAll('tbody tr')].map((row) => row.querySelector('td button')?.textContent);
const keyLists = () =>
  sandbox.requestLog.entries().filter((e) => e.method === 'GET' && e.path === v3ApiKeysPath(1));

describe('KeysPage on v3 (no server sort or filter)', () => {
  it('fetches the keys with no order, then sorts in the browser', async () => {
    const { user } = renderWithClient(<KeysPage />);
    const grid = await table();
    expect(await screen.findByText(/^1–3 of 3$/)).toBeInTheDocument();
    expect(sandbox.requestLog.entries().some((e) => e.path.startsWith('/cloud/v2/'))).toBe(false);
    expect(keyLists().every((e) => !e.query.includes('order_by'))).toBe(true);
    const fetched = keyLists().length;

    await user.click(screen.getByRole('button', { name: 'Name' }));
    await waitFor(() =>
      expect(names(grid)).toEqual(['ci-pipeline', 'mobile-app-prod', 'old-demo']),
    );
    await user.click(screen.getByRole('button', { name: 'Name' }));
    await waitFor(() =>
      expect(names(grid)).toEqual(['old-demo', 'mobile-app-prod', 'ci-pipeline']),
    );
    // Sorting asked the API nothing more.
    expect(keyLists()).toHaveLength(fetched);
  });

  it('filters and pages over all keys in the browser', async () => {
    sandbox.reset({ seedKeys: 60 });
    const { user } = renderWithClient(<KeysPage />);
    await table();
    expect(await screen.findByText(/^1–25 of 63$/)).toBeInTheDocument();
    const fetched = keyLists().length;
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText(/^26–50 of 63$/)).toBeInTheDocument();
    await typeInKeysFilter(user, 'key-005');
    await waitFor(() => expect(screen.getByText(/^1–10 of 10$/)).toBeInTheDocument());
    // Paging and filtering asked the API nothing more.
    expect(keyLists()).toHaveLength(fetched);
  });

  it('derives the status from the expiry, as v3 keys have none', async () => {
    renderWithClient(<KeysPage />);
    const grid = await table();
    const row = [...grid.querySelectorAll('tbody tr')].find(
      (r) => r.querySelector('td button')?.textContent === 'old-demo',
    );
    expect(row).toHaveTextContent('Expired');
  });
});
