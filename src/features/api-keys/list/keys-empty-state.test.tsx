import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { KEYS } from '../../../../sandbox/testing/sandbox-test-client';
import { withApiVersionMeta } from '../../../test/api-version-meta';
import { renderWithClient } from '../../../test/render-with-client';
import { setupSandbox } from '../../../test/sandbox-server';
import { KeysPage } from '../keys-page';

withApiVersionMeta('v2');
const sandbox = setupSandbox();
beforeEach(() => window.history.replaceState(null, '', '/'));

describe('the list with no rows', () => {
  it('in a project with no key: one Create button and no filter', async () => {
    sandbox.faults.arm({
      method: 'GET',
      path: KEYS,
      status: 200,
      body: { count: 0, results: [] },
      times: 5,
    });
    renderWithClient(<KeysPage />);
    expect(
      await screen.findByText('No API keys in this project yet', {}, { timeout: 8_000 }),
    ).toBeVisible();
    expect(screen.getAllByRole('button', { name: /create/i })).toHaveLength(1);
    expect(screen.queryByRole('searchbox')).toBeNull();
  });

  it('with a filter that matches nothing: the filter stays, with a way out that clears it', async () => {
    window.history.replaceState(null, '', '/?q=nothing-like-this');
    const { user } = renderWithClient(<KeysPage />);
    expect(
      await screen.findByText('No key matches “nothing-like-this”.', {}, { timeout: 8_000 }),
    ).toBeVisible();
    const filter = screen.getByRole('searchbox', { name: /^Filter keys/ });
    expect(filter).toHaveValue('nothing-like-this');
    await user.click(screen.getByRole('button', { name: 'Clear filter' }));
    expect(await screen.findByRole('table', { name: 'API keys' })).toHaveTextContent('ci-pipeline');
    expect(filter).toHaveValue('');
    expect(filter).toHaveFocus();
    await waitFor(() => expect(window.location.search).not.toContain('q='));
  });
});
