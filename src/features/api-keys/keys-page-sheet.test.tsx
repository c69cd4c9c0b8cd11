import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PROJECTS } from '../../../sandbox/testing/sandbox-test-client';
import { withApiVersionMeta } from '../../test/api-version-meta';
import { renderWithClient } from '../../test/render-with-client';
import { setupSandbox } from '../../test/sandbox-server';
import { KeysPage } from './keys-page';

withApiVersionMeta('v2');
const sandbox = setupSandbox();

beforeEach(() => window.history.replaceState(null, '', '/'));

const sheet = () => {
  const dialog = document.querySelector('dialog');
  if (!dialog) throw new Error('no sheet in the document');
  return dialog;
};
// The page's lazy chunks, loaded before the first render rather than raced by it on a busy machine.
beforeAll(() =>
  Promise.all([import('./list/api-keys-panel'), import('./create/create-api-key-panel')]),
);
const nameField = () => screen.findByRole('textbox', { name: 'Name' });

async function openSheetAndType() {
  const rendered = renderWithClient(<KeysPage />);
  const opener = screen.getByRole('button', { name: 'Create API key' });
  await waitFor(() => expect(opener).toBeEnabled());
  await rendered.user.click(opener);
  const name = await nameField();
  await rendered.user.type(name, 'half-typed');
  await rendered.user.type(screen.getByRole('textbox', { name: /Description/ }), 'for CI');
  return { ...rendered, opener };
}

describe('KeysPage: the create sheet', () => {
  it('keeps what was typed when closed by accident, and focus goes back to Create', async () => {
    const { user, opener } = await openSheetAndType();
    fireEvent(sheet(), new Event('cancel', { cancelable: true })); // Escape
    expect(sheet()).not.toHaveAttribute('open');
    expect(opener).toHaveFocus();
    await user.click(opener);
    expect(await nameField()).toHaveValue('half-typed');
    expect(screen.getByRole('textbox', { name: /Description/ })).toHaveValue('for CI');
  });

  it('starts empty again after Discard', async () => {
    const { user, opener } = await openSheetAndType();
    await user.click(screen.getByRole('button', { name: 'Discard' }));
    expect(sheet()).not.toHaveAttribute('open');
    expect(opener).toHaveFocus();
    await user.click(opener);
    expect(await nameField()).toHaveValue('');
  });

  it('keeps Create disabled, saying why, until projects load', async () => {
    sandbox.faults.arm({ method: 'GET', path: PROJECTS, status: 503, times: 1 });
    const { user } = renderWithClient(<KeysPage />);
    const opener = screen.getByRole('button', { name: 'Create API key' });
    expect(opener).toBeDisabled();
    expect(opener).toHaveAccessibleDescription('Loading projects…');
    const banner = await screen.findByRole('alert', { name: 'Gcore’s API can’t be reached' });
    // The banner gives the cause; the button only says when it comes back.
    expect(opener).toHaveAccessibleDescription('Available once Gcore’s API answers.');
    await user.click(within(banner).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(opener).toBeEnabled());
    expect(screen.queryByRole('alert', { name: 'Gcore’s API can’t be reached' })).toBeNull();
  });
});
