import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode, useRef, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ModalDialog } from './modal-dialog';

function Harness({ onClose }: { onClose: () => void }) {
  const [open, setOpen] = useState(false);
  const okRef = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Open
      </button>
      {open && (
        <ModalDialog
          title="Rename thing"
          description="Pick a new name."
          initialFocusRef={okRef}
          onClose={() => {
            onClose();
            setOpen(false);
          }}
        >
          <input aria-label="Anything" />
          <button type="button" ref={okRef}>
            OK
          </button>
        </ModalDialog>
      )}
    </>
  );
}

async function openDialog() {
  const onClose = vi.fn();
  const user = userEvent.setup();
  render(<Harness onClose={onClose} />);
  await user.click(screen.getByRole('button', { name: 'Open' }));
  const dialog = screen.getByRole('dialog', { name: 'Rename thing' });
  return { user, onClose, dialog };
}

describe('ModalDialog', () => {
  it('opens modal, named and described, with focus where asked', async () => {
    const { dialog } = await openDialog();
    expect(dialog).toHaveAttribute('open');
    expect(dialog).toHaveAccessibleDescription('Pick a new name.');
    expect(screen.getByRole('button', { name: 'OK' })).toHaveFocus();
  });

  it('asks to close on Escape and gives focus back to the opener', async () => {
    const { onClose, dialog } = await openDialog();
    const cancel = new Event('cancel', { cancelable: true });
    fireEvent(dialog, cancel);
    expect(cancel.defaultPrevented).toBe(true);
    expect(onClose).toHaveBeenCalledOnce();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Open' })).toHaveFocus();
  });

  it('asks to close when the browser closes it anyway (a repeated Escape in Chromium)', async () => {
    const { onClose, dialog } = await openDialog();
    // What the close watcher does: close without `cancel` (the test setup's close() fires `close`).
    (dialog as HTMLDialogElement).close();
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('ignores a stale close event that arrives after it was reopened', async () => {
    const { onClose, dialog } = await openDialog();
    fireEvent(dialog, new Event('close'));
    expect(onClose).not.toHaveBeenCalled();
    expect(dialog).toHaveAttribute('open');
  });

  it('closes on a backdrop click but not on a click or a drag that starts inside', async () => {
    const { user, onClose, dialog } = await openDialog();
    await user.click(screen.getByRole('textbox', { name: 'Anything' }));
    fireEvent.pointerDown(screen.getByRole('textbox', { name: 'Anything' }));
    fireEvent.click(dialog);
    expect(onClose).not.toHaveBeenCalled();
    await user.click(dialog);
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('stays open under StrictMode, where browsers fire `close` a task after close()', async () => {
    // The browser's queued tasks, run when the test says rather than after some milliseconds.
    const browserTasks: (() => void)[] = [];
    const runBrowserTasks = () => act(() => browserTasks.splice(0).forEach((task) => task()));
    vi.spyOn(HTMLDialogElement.prototype, 'close').mockImplementation(function (
      this: HTMLDialogElement,
    ) {
      this.removeAttribute('open');
      browserTasks.push(() => this.dispatchEvent(new Event('close')));
    });
    const onClose = vi.fn();
    const user = userEvent.setup();
    render(
      <StrictMode>
        <Harness onClose={onClose} />
      </StrictMode>,
    );
    await user.click(screen.getByRole('button', { name: 'Open' }));
    expect(browserTasks).not.toHaveLength(0);
    runBrowserTasks();
    expect(screen.getByRole('dialog', { name: 'Rename thing' })).toHaveAttribute('open');
    expect(onClose).not.toHaveBeenCalled();
    // The effect ran twice; a real close must still reach the owner.
    act(() => (screen.getByRole('dialog') as HTMLDialogElement).close());
    runBrowserTasks();
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('leaves focus where the owner put it on closing', async () => {
    const user = userEvent.setup();
    render(
      <>
        <Harness onClose={() => screen.getByRole('button', { name: 'Elsewhere' }).focus()} />
        <button type="button">Elsewhere</button>
      </>,
    );
    await user.click(screen.getByRole('button', { name: 'Open' }));
    fireEvent(screen.getByRole('dialog'), new Event('cancel', { cancelable: true }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    // Whatever React runs after the commit (effects, their cleanups) has run.
    await act(async () => {});
    expect(screen.getByRole('button', { name: 'Elsewhere' })).toHaveFocus();
  });
});
