import { act, screen, waitFor } from '@testing-library/react';
import { Profiler } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tokenStore } from '../lib/token-store';
import { setUrlSearch } from '../lib/use-url-search';
import { withApiVersionMeta } from '../test/api-version-meta';
import { renderWithClient } from '../test/render-with-client';
import { setupSandbox } from '../test/sandbox-server';
import { AppHeader } from './app-header';

withApiVersionMeta('v2');
setupSandbox();

beforeEach(() => window.history.replaceState(null, '', '/'));
afterEach(() => {
  document.head.querySelector('meta[name="gcore-auth"]')?.remove();
  tokenStore.end('sign-out');
});

describe('AppHeader', () => {
  it('stays as it is while the keys filter rewrites the URL', async () => {
    let renders = 0;
    renderWithClient(
      <Profiler id="header" onRender={() => (renders += 1)}>
        <AppHeader />
      </Profiler>,
    );
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Project' })).toHaveValue('1'));
    const before = renders;
    act(() => setUrlSearch({ q: 'ci' }, 'replace'));
    act(() => setUrlSearch({ q: 'ci-p' }, 'replace'));
    expect(renders).toBe(before);
  });

  it('switches the project through the URL', async () => {
    const { user } = renderWithClient(<AppHeader />);
    const switcher = screen.getByRole('combobox', { name: 'Project' });
    await waitFor(() => expect(switcher).toHaveValue('1'));
    await user.selectOptions(switcher, '2');
    expect(new URLSearchParams(window.location.search).get('project')).toBe('2');
    expect(switcher).toHaveValue('2');
  });

  it('opens the activity view of the project through the URL', async () => {
    window.history.replaceState(null, '', '/?project=2&key=some-key');
    const { user } = renderWithClient(<AppHeader />);
    const activity = screen.getByRole('button', { name: 'Activity' });
    expect(activity).not.toHaveAttribute('aria-current');
    await user.click(activity);
    const search = new URLSearchParams(window.location.search);
    expect(search.get('view')).toBe('activity');
    expect(search.get('project')).toBe('2');
    // Every key: a key the keys view had open is not a filter.
    expect(search.get('key')).toBeNull();
    expect(activity).toHaveAttribute('aria-current', 'page');
  });

  it('shows the personal sign-in and signs out', async () => {
    document.head.append(
      Object.assign(document.createElement('meta'), { name: 'gcore-auth', content: 'personal' }),
    );
    tokenStore.signIn('own-token', false);
    const { user } = renderWithClient(<AppHeader />);
    expect(screen.getByText('Signed in with your token')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(tokenStore.getState().signedIn).toBe(false);
    expect(screen.queryByRole('button', { name: 'Sign out' })).toBeNull();
    // Nothing to switch without a token.
    expect(screen.queryByRole('combobox', { name: 'Project' })).toBeNull();
  });

  it('offers the theme switch', () => {
    renderWithClient(<AppHeader />);
    expect(screen.getByRole('group', { name: 'Theme' })).toBeInTheDocument();
  });
});
