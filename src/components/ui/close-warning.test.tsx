import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode, useRef, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ModalDialog } from './modal-dialog';

const WARNING = { message: 'Discard the draft?', confirmLabel: 'Discard' };

/** A dialog whose warning holds until "Save" is pressed, as the reveal dialog's does until Copy. */
function Guarded({ onClose }: { onClose: () => void }) {
  const [saved, setSaved] = useState(false);
  const saveRef = useRef<HTMLButtonElement>(null);
  return (
    <ModalDialog
      title="Draft"
      onClose={onClose}
      initialFocusRef={saveRef}
      closeButton
      closeWarning={saved ? null : WARNING}
      footer={(requestClose) => (
        <button type="button" onClick={requestClose}>
          Finish
        </button>
      )}
    >
      <button type="button" ref={saveRef} onClick={() => setSaved(true)}>
        Save
      </button>
    </ModalDialog>
  );
}

function setup() {
  const onClose = vi.fn();
  const user = userEvent.setup();
  render(
    <StrictMode>
      <Guarded onClose={onClose} />
    </StrictMode>,
  );
  const dialog = screen.getByRole('dialog', { name: 'Draft' });
  const escape = () => fireEvent(dialog, new Event('cancel', { cancelable: true }));
  return { onClose, user, dialog, escape };
}

const question = () => screen.queryByRole('group', { name: 'Discard the draft?' });

describe('ModalDialog closeWarning', () => {
  it('asks on Escape, ✕ and the backdrop, in place of the footer, and only closes when confirmed', async () => {
    const { onClose, user, dialog, escape } = setup();
    escape();
    expect(question()).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Finish' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Keep open' })).toHaveFocus();
    escape(); // Escape again answers "keep open"
    expect(question()).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(question()).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Keep open' }));
    await user.click(dialog);
    expect(question()).toBeInTheDocument();
    expect(onClose).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Discard' }));
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('drops the question as soon as the warning is withdrawn, and then closes at once', async () => {
    const { onClose, user, escape } = setup();
    escape();
    expect(question()).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(question()).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Finish' })).toBeInTheDocument();
    escape();
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('asks when the footer’s own button closes, and Keep open gives it focus back', async () => {
    const { onClose, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Finish' }));
    expect(question()).toBeInTheDocument();
    expect(onClose).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Keep open' }));
    expect(question()).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Finish' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await user.click(screen.getByRole('button', { name: 'Finish' }));
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('guards leaving the page only while the warning holds', async () => {
    const { user } = setup();
    const before = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(before);
    expect(before.defaultPrevented).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const after = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(after);
    expect(after.defaultPrevented).toBe(false);
  });

  it('asks rather than closes when the browser closes it anyway (a repeated Escape)', () => {
    const { onClose, dialog } = setup();
    act(() => (dialog as HTMLDialogElement).close());
    expect(dialog).toHaveAttribute('open');
    expect(question()).toBeInTheDocument();
    expect(onClose).not.toHaveBeenCalled();
  });
});
