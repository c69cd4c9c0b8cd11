import { screen, waitFor, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppHeader } from '../../app/app-header';
import type { ApiGeneration } from '../../lib/api-config';
import { withApiVersionMeta } from '../../test/api-version-meta';
import { setupJobsFake } from '../../test/jobs-fake';
import { renderWithClient } from '../../test/render-with-client';
import { setupSandbox } from '../../test/sandbox-server';
import { testClock } from '../../test/test-clock';
import type { KeysAdapter } from './api/key-model';
import { keysAdapterV2 } from './api/v2/api-key-v2-adapter';
import { keysAdapterV3 } from './api/v3/api-key-v3-adapter';
import { KeysPage } from './keys-page';

setupSandbox();
// v3's list asks the server's jobs service too.
setupJobsFake();
beforeEach(() => window.history.replaceState(null, '', '/'));
beforeAll(() => import('./list/api-keys-panel'));
const DAY = 24 * 60 * 60 * 1000;

/** A key of the default project that expires `days` from now. */
const keyExpiringIn = (adapter: KeysAdapter, name: string, days: number) =>
  adapter.createKey(1, {
    name,
    description: null,
    expiresAt: new Date(testClock.now() + days * DAY).toISOString(),
    deploymentRefs: [],
  });

const rowNames = async () => {
  const table = await screen.findByRole('table', { name: 'API keys' });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.querySelector('td button')?.textContent);
};

function renderPage(generation: ApiGeneration) {
  return renderWithClient(
    <>
      <AppHeader />
      <KeysPage />
    </>,
    { generation },
  );
}

for (const [generation, adapter] of [
  ['v2', keysAdapterV2],
  ['v3', keysAdapterV3],
] as const) {
  describe(`the header's expiring-soon count (${generation})`, () => {
    withApiVersionMeta(generation);

    it('counts keys expiring within 14 days, and filters the list to them and back', async () => {
      await keyExpiringIn(adapter, 'soon-key', 3);
      await keyExpiringIn(adapter, 'later-key', 20);
      const { user } = renderPage(generation);
      const button = await screen.findByRole('button', { name: '1 expiring soon' });
      expect(button).toHaveAttribute('aria-pressed', 'false');
      const all = await rowNames();
      expect(all).toEqual(expect.arrayContaining(['soon-key', 'later-key', 'old-demo']));

      await user.click(button);
      expect(button).toHaveAttribute('aria-pressed', 'true');
      expect(new URLSearchParams(window.location.search).get('expiring')).toBe('1');
      await waitFor(async () => expect(await rowNames()).toEqual(['soon-key']));

      await user.click(button);
      expect(button).toHaveAttribute('aria-pressed', 'false');
      expect(new URLSearchParams(window.location.search).has('expiring')).toBe(false);
      await waitFor(async () => expect(await rowNames()).toEqual(all));
    });

    it('is hidden when no key expires within 14 days (expired ones do not count)', async () => {
      renderPage(generation);
      // old-demo expired long ago; mobile-app-prod expires in 2099.
      await screen.findByRole('table', { name: 'API keys' });
      await waitFor(() =>
        expect(
          screen
            .getAllByRole('status')
            .some((s) => s.textContent === 'No keys expire within 14 days.'),
        ).toBe(true),
      );
      expect(screen.queryByRole('button', { name: /expiring soon/ })).toBeNull();
    });

    it('says a new count politely, in the region that was already there', async () => {
      await keyExpiringIn(adapter, 'soon-key', 3);
      const { client } = renderPage(generation);
      await screen.findByRole('button', { name: '1 expiring soon' });
      const region = screen
        .getAllByRole('status')
        .find((s) => s.textContent === '1 key expires within 14 days.');
      expect(region).toBeDefined();

      await keyExpiringIn(adapter, 'soon-key-2', 1);
      await client.invalidateQueries();

      await screen.findByRole('button', { name: '2 expiring soon' });
      expect(region).toHaveTextContent('2 keys expire within 14 days.');
      expect(region).toBeInTheDocument();
    });
  });
}
