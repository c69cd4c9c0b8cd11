import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ApiGeneration } from '../../../lib/api-config';
import { withApiVersionMeta } from '../../../test/api-version-meta';
import { renderWithClient } from '../../../test/render-with-client';
import { setupSandbox } from '../../../test/sandbox-server';
import { setupJobsFake } from '../../../test/jobs-fake';
import { typeInKeysFilter } from '../../../test/type-in-keys-filter';
import { KeysPage } from '../keys-page';

setupSandbox();
// The v3 list follows the project's jobs on the app's server.
setupJobsFake();
beforeEach(() => window.history.replaceState(null, '', '/'));

// Plain selectors, not role queries: those walk the accessibility tree and are slow in jsdom.
const names = () =>
  [...document.querySelectorAll('tbody tr')].map(
    (row) => row.querySelector('td button')?.textContent,
  );

describe.each<ApiGeneration>(['v2', 'v3'])('the filter on %s', (generation) => {
  withApiVersionMeta(generation);

  async function filterBy(text: string) {
    const { user } = renderWithClient(<KeysPage />, { generation });
    await screen.findByRole('table', { name: 'API keys' });
    await typeInKeysFilter(user, text);
    expect(window.location.search).toContain(`q=${text}`);
  }

  it('finds a key by its description', async () => {
    await filterBy('conference');
    await waitFor(() => expect(names()).toEqual(['old-demo']));
  });

  it('finds a key by the name of a deployment it unlocks', async () => {
    await filterBy('mistral');
    await waitFor(() => expect(names()).toEqual(['mobile-app-prod']));
  });

  it('still finds a key by its name, and says what it matches on', async () => {
    await filterBy('ci-pip');
    await waitFor(() => expect(names()).toEqual(['ci-pipeline']));
    expect(screen.getByRole('searchbox', { name: /^Filter keys/ })).toHaveAccessibleName(
      'Filter keys by name, description or deployment',
    );
  });
});
