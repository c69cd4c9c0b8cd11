import type { QueryClient } from '@tanstack/react-query';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { KEYS } from '../../../../sandbox/testing/sandbox-test-client';
import { createsAt, renderCreateForm } from '../../../test/create-form';
import { holdRequests } from '../../../test/hold-requests';
import { setupSandbox } from '../../../test/sandbox-server';
import { preloadRevealDialog } from '../reveal/lazy-reveal-dialog';

const sandbox = setupSandbox();
const creates = () => createsAt(sandbox);
/** A boxed secret is written out as what it still holds, so the text shows whether it is wiped. */
const openBoxes = (_key: string, value: unknown): unknown =>
  typeof value === 'object' && value !== null && 'read' in value && typeof value.read === 'function'
    ? (value.read as () => unknown)()
    : value;
/** What the client's caches hold, as text a secret could be found in. */
const mutationStates = (client: QueryClient) =>
  JSON.stringify(
    client
      .getMutationCache()
      .getAll()
      .map((m) => m.state),
    openBoxes,
  );
const queryStates = (client: QueryClient) =>
  JSON.stringify(
    client
      .getQueryCache()
      .getAll()
      .map((q) => q.state),
  );

describe('create flow', () => {
  it('after Done the secret is gone from the page and from the query client', async () => {
    const { user, client } = await renderCreateForm();
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'short-lived');
    await user.click(screen.getByRole('button', { name: 'Create API key' }));
    const dialog = await screen.findByRole('dialog', { name: 'Save your API key' });
    await user.click(within(dialog).getByRole('button', { name: 'Show secret' }));
    const secret = (within(dialog).getByLabelText('Secret') as HTMLInputElement).value;
    expect(mutationStates(client)).toContain(secret);

    // Copied first: until then Done asks before it lets the secret go.
    await user.click(within(dialog).getByRole('button', { name: 'Copy secret' }));
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(document.body.innerHTML).not.toContain(secret);
    await waitFor(() => expect(mutationStates(client)).not.toContain(secret));
    expect(queryStates(client)).not.toContain(secret);
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveFocus();
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue('');
  });

  it('puts the form away behind the secret, and brings it back empty on Name after Done', async () => {
    const { user } = await renderCreateForm();
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'behind-the-secret');
    await user.click(screen.getByRole('button', { name: 'Create API key' }));
    const dialog = await screen.findByRole('dialog', { name: 'Save your API key' });
    // The key exists: nothing of the form is left to read, focus or submit behind the secret.
    expect(screen.queryByRole('textbox', { name: 'Name' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Create API key' })).not.toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Copy secret' }));
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveFocus();
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue('');
  });

  it('refreshes the list only once the dialog with the secret has been painted', async () => {
    const { user, client } = await renderCreateForm();
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'painted-first');
    // The dialog's code is here, as the form's preload makes sure on a real page, so its first
    // render needs no frame of its own.
    preloadRevealDialog();
    await import('../reveal/reveal-dialog');
    await new Promise((settled) => setTimeout(settled));
    // Frames held: nothing on the page may be painted until the test lets it.
    const frames: FrameRequestCallback[] = [];
    const raf = vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => {
      frames.push(callback);
      return frames.length;
    });
    // The form alone has no list on screen: what the list would do is asked of the client.
    const refresh = vi.spyOn(client, 'invalidateQueries');
    await user.click(screen.getByRole('button', { name: 'Create API key' }));
    const dialog = await screen.findByRole('dialog', { name: 'Save your API key' });
    expect(within(dialog).getByRole('button', { name: 'Copy secret' })).toBeInTheDocument();
    expect(refresh).not.toHaveBeenCalled();

    raf.mockRestore();
    frames.splice(0).forEach((callback) => callback(performance.now()));
    await waitFor(() => expect(refresh).toHaveBeenCalled());
  });

  it('sends one POST however fast the button is pressed', async () => {
    const letThrough = holdRequests((method) => method === 'POST');
    const { user } = await renderCreateForm();
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'once');
    const button = screen.getByRole('button', { name: 'Create API key' });
    await user.dblClick(button);
    await user.click(button);
    expect(button).toBeDisabled();
    letThrough();
    await screen.findByRole('dialog', { name: 'Save your API key' });
    expect(creates()).toHaveLength(1);
  });

  it('after a 500 keeps the input and retries only when asked', async () => {
    sandbox.faults.arm({
      method: 'POST',
      path: KEYS,
      status: 500,
      body: { exception_class: 'InternalError', message: 'Boom.', request_id: 'rid-500' },
    });
    const { user } = await renderCreateForm();
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'retry-me');
    await user.click(screen.getByRole('button', { name: 'Create API key' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Boom.');
    expect(alert).toHaveTextContent('rid-500');
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue('retry-me');
    expect(creates()).toHaveLength(1);
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await screen.findByRole('dialog', { name: 'Save your API key' });
    expect(creates()).toHaveLength(2);
  });

  it('a dropped connection says the outcome is unknown', async () => {
    sandbox.faults.arm({ method: 'POST', path: KEYS, drop: true });
    const { user } = await renderCreateForm();
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'dropped');
    await user.click(screen.getByRole('button', { name: 'Create API key' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/may or may not have been created/);
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue('dropped');
  });

  it('a created key without a secret is reported, not revealed', async () => {
    sandbox.faults.arm({
      method: 'POST',
      path: KEYS,
      status: 200,
      body: { key_id: 'x', name: 'n', status: 'ACTIVE', created_at: '2026-01-01T00:00:00Z' },
    });
    const { user } = await renderCreateForm();
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'no-secret');
    await user.click(screen.getByRole('button', { name: 'Create API key' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/unexpected format \(secret:/);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});

describe('expiration', () => {
  it('defaults to 30 days and shows the instant in local time and UTC', async () => {
    await renderCreateForm();
    expect(screen.getByRole('combobox', { name: 'Expiration' })).toHaveValue('30d');
    const expected = new Date();
    expected.setDate(expected.getDate() + 30);
    const utcDay = new Intl.DateTimeFormat('en-GB', {
      dateStyle: 'medium',
      timeZone: 'UTC',
    }).format(expected);
    expect(screen.getByTestId('resolved-expiry')).toHaveTextContent(
      new RegExp(`${utcDay}, \\d\\d:\\d\\d UTC`),
    );
    expect(screen.getByTestId('resolved-expiry')).toHaveTextContent(/GMT\+5:30/);
  });

  it('warns about Never, and sends null', async () => {
    const { user } = await renderCreateForm();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Expiration' }), 'never');
    expect(screen.getByText(/This key will never expire/)).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'forever');
    await user.click(screen.getByRole('button', { name: 'Create API key' }));
    await screen.findByRole('dialog', { name: 'Save your API key' });
    expect(creates()[0]?.body).toMatchObject({ expires_at: null });
  });

  it('refuses a custom instant in the past, on the date field', async () => {
    const { user } = await renderCreateForm();
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'past');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Expiration' }), 'custom');
    const custom = screen.getByLabelText('Expiration date and time');
    expect(custom).toHaveAttribute('type', 'datetime-local');
    await user.type(custom, '2020-01-01T10:00');
    await user.click(screen.getByRole('button', { name: 'Create API key' }));
    await waitFor(() => expect(custom).toHaveAccessibleDescription(/at least a minute from now/));
    expect(custom).toHaveFocus();
    expect(creates()).toHaveLength(0);
  });
});
