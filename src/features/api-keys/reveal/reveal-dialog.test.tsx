import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithClient } from '../../../test/render-with-client';
import { toDeploymentRecordV2, toKeyRecordV2 } from '../api/v2/api-key-v2-adapter';
import { secretBox } from '../../../lib/secret-box';
import { RevealDialog } from './reveal-dialog';

const SECRET = 'sEcReT-value_0123456789abcdefghijklmnopqrstuv';
const apiKey = toKeyRecordV2({
  key_id: '5c0ffee0-0000-4000-8000-000000000001',
  name: 'reveal-test',
  status: 'ACTIVE',
  created_at: '2026-11-28T16:00:00Z',
  description: null,
  expires_at: '2026-12-28T16:00:00Z',
  inference_instance_ids: [
    'a1b2c3d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
    '99999999-9999-4999-8999-999999999999',
  ],
  project_id: 1,
});
const deployments = [
  {
    id: 'a1b2c3d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
    name: 'llama-3-8b-chat',
    status: 'ACTIVE',
    address: 'https://llama.example.test',
    description: null,
    created_at: null,
    api_key_ids: [],
  },
].map(toDeploymentRecordV2);

const isPrimary = (button: HTMLElement) => button.classList.contains('bg-accent');

function renderDialog(shown = deployments) {
  const onClose = vi.fn();
  const { user } = renderWithClient(
    <RevealDialog
      createdKey={{
        key: apiKey,
        secret: secretBox(SECRET),
        deploymentRefs: apiKey.deploymentRefs,
        pendingBindings: [],
      }}
      deployments={shown}
      onClose={onClose}
    />,
  );
  return { onClose, user, dialog: screen.getByRole('dialog', { name: 'Save your API key' }) };
}

describe('RevealDialog', () => {
  it('shows the secret masked, focuses Copy, and describes the key', () => {
    const { dialog } = renderDialog();
    const secret = screen.getByLabelText('Secret');
    // Masked by dots, not by a password field: the secret is not in the DOM until shown.
    expect(secret).toHaveAttribute('type', 'text');
    expect(secret).toHaveValue('•'.repeat(32));
    expect(document.body.innerHTML).not.toContain(SECRET);
    expect(secret).toHaveAttribute('readonly');
    expect(secret).toHaveAttribute('autocomplete', 'off');
    expect(screen.getByRole('button', { name: 'Copy secret' })).toHaveFocus();
    expect(dialog).toHaveTextContent('reveal-test');
    expect(dialog).toHaveTextContent(apiKey.id);
    expect(dialog).toHaveTextContent('llama-3-8b-chat');
    expect(dialog).toHaveTextContent('99999999-9999-4999-8999-999999999999');
    expect(dialog).toHaveTextContent(
      `curl -H "X-API-Key: $INFERENCE_API_KEY" 'https://llama.example.test'`,
    );
    expect(dialog).toHaveTextContent('28 Dec 2026, 16:00 UTC');
  });

  it.each([
    [
      'https://dep.example/v1/chat?a=1&b=$(touch /tmp/pwned)',
      `'https://dep.example/v1/chat?a=1&b=$(touch /tmp/pwned)'`,
    ],
    [
      "https://dep.example/it's'; rm -rf ~; '",
      `'https://dep.example/it'\\''s'\\''; rm -rf ~; '\\'''`,
    ],
  ])('quotes a hostile deployment address %j for the shell', (address, quoted) => {
    const { dialog } = renderDialog(deployments.map((deployment) => ({ ...deployment, address })));
    const snippet = within(dialog).getByText(/^read -rs/);
    expect(snippet.textContent).toBe(
      `read -rs INFERENCE_API_KEY\ncurl -H "X-API-Key: $INFERENCE_API_KEY" ${quoted}`,
    );
  });

  it('copies with the Clipboard API and announces it politely', async () => {
    const { user } = renderDialog();
    await user.click(screen.getByRole('button', { name: 'Copy secret' }));
    expect(await navigator.clipboard.readText()).toBe(SECRET);
    expect(screen.getByRole('status')).toHaveTextContent('Copied to the clipboard.');
  });

  it('without any clipboard, shows and selects the secret and says which keys to press', async () => {
    const { user } = renderDialog();
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    // A frame that comes before React has put the text in the field (a busy machine) must not
    // leave the dots selected: whatever the order, the whole secret is.
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation((frame) => {
      frame(performance.now());
      return 0;
    });
    await user.click(screen.getByRole('button', { name: 'Copy secret' }));
    expect(screen.getByLabelText('Secret')).toHaveAttribute('type', 'text');
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(/press (Ctrl\+C|⌘C) to copy it/),
    );
    const field = screen.getByLabelText<HTMLInputElement>('Secret');
    expect(field).toHaveFocus();
    expect(field.value.slice(field.selectionStart ?? 0, field.selectionEnd ?? 0)).toBe(SECRET);
  });

  it('shows the secret on request, and a manual copy of the masked field copies the secret', async () => {
    const { user } = renderDialog();
    const field = screen.getByLabelText('Secret');
    const copied = new Map<string, string>();
    fireEvent.copy(field, {
      clipboardData: { setData: (type: string, value: string) => copied.set(type, value) },
    });
    expect(copied.get('text/plain')).toBe(SECRET);
    expect(screen.getByRole('status')).toHaveTextContent('Copied to the clipboard.');
    await user.click(screen.getByRole('button', { name: 'Show secret' }));
    expect(field).toHaveValue(SECRET);
    await user.click(screen.getByRole('button', { name: 'Hide secret' }));
    expect(field).toHaveValue('•'.repeat(32));
    expect(screen.getByRole('button', { name: 'Show secret' })).toBeInTheDocument();
  });

  it('leads with Copy until copied; then the button says so and Done leads', async () => {
    const { user, dialog } = renderDialog();
    const copy = screen.getByRole('button', { name: 'Copy secret' });
    const done = within(dialog).getByRole('button', { name: 'Done' });
    const primaries = () => within(dialog).getAllByRole('button').filter(isPrimary);
    expect(primaries()).toEqual([copy]);
    await user.click(copy);
    expect(copy).toHaveTextContent('Copied ✓');
    expect(copy).toHaveAccessibleName('Copied');
    expect(copy).toHaveFocus();
    expect(primaries()).toEqual([done]);
  });

  it('shows the status with the list’s badge, never the API’s word', () => {
    const { dialog } = renderDialog();
    expect(within(dialog).getByText('Status').nextElementSibling).toHaveTextContent(/^Active$/);
    expect(dialog).not.toHaveTextContent('ACTIVE');
  });

  it('copies exactly the snippet shown, which holds no secret, with its own button', async () => {
    const { user, dialog } = renderDialog();
    const snippet = within(dialog).getByRole('region', { name: 'Example call' });
    // Wrapped where it must, so no part of a long address hides past the edge (e2e measures it).
    expect(snippet).toHaveClass('whitespace-pre-wrap', 'wrap-anywhere');
    await user.click(within(dialog).getByRole('button', { name: 'Copy snippet' }));
    const copied = await navigator.clipboard.readText();
    expect(copied).toBe(snippet.textContent);
    expect(copied).not.toContain(SECRET);
    expect(within(dialog).getByRole('button', { name: 'Copied' })).toHaveTextContent('Copied ✓');
    // Copying the snippet is not copying the secret: Copy still leads, and closing still asks.
    expect(screen.getByRole('button', { name: 'Copy secret' })).toSatisfy(isPrimary);
  });

  it('has one snippet per deployment the key serves, picked by name', async () => {
    const mistral = toDeploymentRecordV2({
      id: '99999999-9999-4999-8999-999999999999',
      name: 'mistral-7b-instruct',
      status: 'ACTIVE',
      address: 'https://mistral.example.test/v1',
      description: null,
      created_at: null,
      api_key_ids: [],
    });
    const { user, dialog } = renderDialog([...deployments, mistral]);
    const picker = within(dialog).getByRole('combobox', { name: 'Deployment' });
    const snippet = () => within(dialog).getByRole('region', { name: 'Example call' });
    expect(picker).toHaveDisplayValue('llama-3-8b-chat');
    expect(snippet()).toHaveTextContent("'https://llama.example.test'");
    await user.selectOptions(picker, 'mistral-7b-instruct');
    expect(snippet()).toHaveTextContent("'https://mistral.example.test/v1'");
    expect(snippet()).not.toHaveTextContent('llama.example.test');
    await user.click(within(dialog).getByRole('button', { name: 'Copy snippet' }));
    expect(await navigator.clipboard.readText()).toContain('https://mistral.example.test/v1');
  });

  it('has no picker when the key serves one deployment', () => {
    const { dialog } = renderDialog();
    expect(within(dialog).queryByRole('combobox')).toBeNull();
  });

  it('asks before Escape, the close button or the backdrop close an uncopied secret', async () => {
    const { user, onClose, dialog } = renderDialog();
    fireEvent(dialog, new Event('cancel', { cancelable: true }));
    expect(screen.getByText(/Close without copying\?/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Keep open' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Keep open' }));
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.getByText(/Close without copying\?/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Keep open' }));
    await user.click(dialog);
    expect(screen.getByText(/Close without copying\?/)).toBeInTheDocument();
    expect(onClose).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Close without copying' }));
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('blocks leaving the page until the secret is copied', async () => {
    const { user } = renderDialog();
    const before = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(before);
    expect(before.defaultPrevented).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Copy secret' }));
    const after = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(after);
    expect(after.defaultPrevented).toBe(false);
  });

  it('closes at once once copied, on Escape as on Done', async () => {
    const { user, onClose, dialog } = renderDialog();
    await user.click(screen.getByRole('button', { name: 'Copy secret' }));
    fireEvent(dialog, new Event('cancel', { cancelable: true }));
    expect(onClose).toHaveBeenCalledOnce();
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    expect(onClose).toHaveBeenCalledTimes(2);
    expect(screen.queryByText(/Close without copying\?/)).not.toBeInTheDocument();
  });

  it('asks when Done is the first thing pressed; Keep open puts focus back on Done', async () => {
    const { user, onClose, dialog } = renderDialog();
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    expect(onClose).not.toHaveBeenCalled();
    expect(within(dialog).getByRole('group', { name: /Close without copying\?/ })).toBeVisible();
    expect(within(dialog).getByRole('button', { name: 'Keep open' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Keep open' }));
    expect(within(dialog).queryByRole('group', { name: /Close without copying\?/ })).toBeNull();
    expect(within(dialog).getByRole('button', { name: 'Done' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    await user.click(within(dialog).getByRole('button', { name: 'Close without copying' }));
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('gives focus back to what had it when Escape or ✕ asked and the answer is Keep open', async () => {
    const { user, dialog } = renderDialog();
    const escape = () => fireEvent(dialog, new Event('cancel', { cancelable: true }));
    const show = within(dialog).getByRole('button', { name: 'Show secret' });
    show.focus();
    escape();
    expect(within(dialog).getByRole('button', { name: 'Keep open' })).toHaveFocus();
    escape(); // Escape again answers "Keep open"
    expect(show).toHaveFocus();
    const closeButton = within(dialog).getByRole('button', { name: 'Close' });
    await user.click(closeButton);
    await user.click(within(dialog).getByRole('button', { name: 'Keep open' }));
    expect(closeButton).toHaveFocus();
  });

  it('closes on Done once the secret was shown and selected because copying was blocked', async () => {
    const { user, onClose, dialog } = renderDialog();
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    await user.click(screen.getByRole('button', { name: 'Copy secret' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/secret is selected/));
    const field = screen.getByLabelText<HTMLInputElement>('Secret');
    expect(field).toHaveFocus();
    expect(field.value.slice(field.selectionStart ?? 0, field.selectionEnd ?? 0)).toBe(SECRET);
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    expect(screen.queryByText(/Close without copying\?/)).not.toBeInTheDocument();
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('after Escape asked, a copy withdraws the question and offers Done again', async () => {
    const { user, onClose, dialog } = renderDialog();
    fireEvent(dialog, new Event('cancel', { cancelable: true }));
    expect(screen.getByText(/Close without copying\?/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Copy secret' }));
    expect(screen.getByRole('status')).toHaveTextContent('Copied to the clipboard.');
    expect(screen.queryByText(/Close without copying\?/)).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Close without copying' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(onClose).toHaveBeenCalledOnce();
  });
});
