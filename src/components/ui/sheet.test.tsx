import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { Button } from './button';
import { Sheet } from './sheet';

/** A sheet whose content is an input; Discard remounts it empty, as the keys page does. */
function Harness({ guarded = false }: { guarded?: boolean }) {
  const [open, setOpen] = useState(false);
  const [generation, setGeneration] = useState(0);
  return (
    <>
      <div data-covered-by-sheet>
        <button type="button" onClick={() => setOpen(true)}>
          Open sheet
        </button>
      </div>
      <Sheet
        open={open}
        title="Make a thing"
        onClose={() => setOpen(false)}
        closeWarning={guarded ? { message: 'Busy.', confirmLabel: 'Close for now' } : null}
        actions={
          <Button
            onClick={() => {
              setGeneration((n) => n + 1);
              setOpen(false);
            }}
          >
            Discard
          </Button>
        }
      >
        <input key={generation} aria-label="Thing name" />
      </Sheet>
    </>
  );
}

const sheet = () => {
  const dialog = document.querySelector('dialog');
  if (!dialog) throw new Error('no sheet in the document');
  return dialog;
};
const input = () => screen.getByRole('textbox', { name: 'Thing name', hidden: true });
const escape = () => fireEvent(sheet(), new Event('cancel', { cancelable: true }));

async function openAndType() {
  const user = userEvent.setup();
  render(<Harness />);
  const opener = screen.getByRole('button', { name: 'Open sheet' });
  await user.click(opener);
  expect(screen.getByRole('dialog', { name: 'Make a thing' })).toBe(sheet());
  expect(input()).toHaveFocus();
  await user.type(input(), 'half-typed');
  return { user, opener };
}

describe('Sheet: closing by accident never loses what was typed', () => {
  it('keeps the input through Escape and gives focus back to the opener', async () => {
    const { user, opener } = await openAndType();
    escape();
    expect(sheet()).not.toHaveAttribute('open');
    expect(opener).toHaveFocus();
    await user.click(opener);
    expect(input()).toHaveValue('half-typed');
  });

  it('keeps the input through the close button and the backdrop', async () => {
    const { user, opener } = await openAndType();
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(sheet()).not.toHaveAttribute('open');
    expect(opener).toHaveFocus();
    await user.click(opener);
    expect(input()).toHaveValue('half-typed');
    fireEvent.pointerDown(sheet());
    fireEvent.click(sheet());
    expect(sheet()).not.toHaveAttribute('open');
    await user.click(opener);
    expect(input()).toHaveValue('half-typed');
  });

  it('clears the input on Discard', async () => {
    const { user, opener } = await openAndType();
    await user.click(screen.getByRole('button', { name: 'Discard' }));
    expect(sheet()).not.toHaveAttribute('open');
    expect(opener).toHaveFocus();
    await user.click(opener);
    expect(input()).toHaveValue('');
  });

  it('hides the page from screen readers only while it is open', async () => {
    const { user } = await openAndType();
    expect(screen.queryByRole('button', { name: 'Open sheet' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.getByRole('button', { name: 'Open sheet' })).toBeVisible();
  });

  it('asks first while a close warning is due, and Keep open keeps it', async () => {
    const user = userEvent.setup();
    render(<Harness guarded />);
    await user.click(screen.getByRole('button', { name: 'Open sheet' }));
    escape();
    expect(screen.getByText('Busy.')).toBeInTheDocument();
    expect(sheet()).toHaveAttribute('open');
    await user.click(screen.getByRole('button', { name: 'Keep open' }));
    expect(sheet()).toHaveAttribute('open');
    escape();
    await user.click(screen.getByRole('button', { name: 'Close for now' }));
    expect(sheet()).not.toHaveAttribute('open');
  });

  it('gives focus back to what had it when Keep open answers the question', async () => {
    const user = userEvent.setup();
    render(<Harness guarded />);
    await user.click(screen.getByRole('button', { name: 'Open sheet' }));
    expect(input()).toHaveFocus();
    escape();
    expect(screen.getByRole('button', { name: 'Keep open' })).toHaveFocus();
    escape(); // Escape again answers "Keep open"
    expect(input()).toHaveFocus();
    const closeButton = screen.getByRole('button', { name: 'Close' });
    await user.click(closeButton);
    await user.click(screen.getByRole('button', { name: 'Keep open' }));
    expect(closeButton).toHaveFocus();
  });
});
