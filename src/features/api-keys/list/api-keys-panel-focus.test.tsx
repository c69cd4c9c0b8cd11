import { screen, waitFor, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { withApiVersionMeta } from '../../../test/api-version-meta';
import { renderWithClient } from '../../../test/render-with-client';
import { setupSandbox } from '../../../test/sandbox-server';
import { keysAdapterV2 } from '../api/v2/api-key-v2-adapter';
import { KeysPage } from '../keys-page';

withApiVersionMeta('v2');
setupSandbox();

beforeEach(() => window.history.replaceState(null, '', '/'));

// The page's lazy chunks, loaded before the first render rather than raced by it on a busy machine.
beforeAll(() => import('./api-keys-panel'));
const table = () => screen.findByRole('table', { name: 'API keys' });
const rowNames = (grid: HTMLElement) =>
  [...grid.querySelectorAll('tbody tr')].map((row) => row.querySelector('td button')?.textContent);
const rowOf = (grid: HTMLElement, name: string) =>
  [...grid.querySelectorAll<HTMLElement>('tbody tr')].find(
    (row) => row.querySelector('td button')?.textContent === name,
  );

describe('ApiKeysPanel after a delete', () => {
  it('moves focus to the row after the deleted one, and says so in a polite live region', async () => {
    const { user } = renderWithClient(<KeysPage />);
    const grid = await table();
    const names = rowNames(grid);
    const at = names.indexOf('old-demo');
    const next = names[at + 1] ?? names[at - 1];
    if (!next) throw new Error('old-demo is the only seeded key');

    await user.click(within(grid).getByRole('button', { name: 'Actions for old-demo' }));
    await user.click(screen.getByRole('menuitem', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete API key' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete key' }));

    await waitFor(() => expect(rowOf(grid, next)).toHaveFocus());
    const status = screen
      .getAllByRole('status')
      .find((region) => region.textContent === 'Deleted “old-demo”.');
    expect(status).toHaveAttribute('aria-live', 'polite');
    await waitFor(() => expect(rowOf(grid, 'old-demo')).toBeUndefined());
    expect(rowOf(grid, next)).toHaveFocus();
  });

  it('a row that disappears holding focus (its key deleted elsewhere) hands focus on by the same rule', async () => {
    const { user, client } = renderWithClient(<KeysPage />);
    const grid = await table();
    const names = rowNames(grid);
    const last = names.at(-1);
    const previous = names.at(-2);
    if (!last || !previous) throw new Error('the seed needs two keys');
    const row = rowOf(grid, last) as HTMLElement;
    within(row)
      .getByRole('button', { name: `Actions for ${last}` })
      .focus();

    // Another tab (or the server's detach-and-delete job) deletes it; the next read drops the row.
    await keysAdapterV2.deleteKey(1, row.dataset.keyId ?? '');
    await client.invalidateQueries();
    await waitFor(() => expect(rowOf(grid, last)).toBeUndefined());
    expect(rowOf(grid, previous)).toHaveFocus();
    await user.keyboard('{Tab}');
    expect(document.activeElement).not.toBe(document.body);
  });
});
