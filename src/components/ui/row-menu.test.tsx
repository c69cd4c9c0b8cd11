import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { RowMenu } from './row-menu';

function renderMenu() {
  const actions = { details: vi.fn(), edit: vi.fn(), remove: vi.fn() };
  render(
    <>
      <RowMenu
        label="Actions for ci"
        items={[
          { label: 'Details', onSelect: actions.details },
          { label: 'Edit', onSelect: actions.edit },
          { label: 'Delete', onSelect: actions.remove, danger: true },
        ]}
      />
      <button type="button">after</button>
    </>,
  );
  return {
    user: userEvent.setup(),
    actions,
    button: screen.getByRole('button', { name: 'Actions for ci' }),
  };
}

const focusedItem = () => (document.activeElement as HTMLElement).textContent;

describe('RowMenu', () => {
  it('follows its button when the page moves under it, and closes once the button is out of sight', async () => {
    const { user, button } = renderMenu();
    const at = (top: number) =>
      vi.spyOn(button, 'getBoundingClientRect').mockReturnValue(new DOMRect(300, top, 32, 32));
    at(100);
    await user.click(button);
    const menu = screen.getByRole('menu', { name: 'Actions for ci' });
    expect(menu.style.top).toBe('136px');

    at(40);
    act(() => void window.dispatchEvent(new Event('scroll')));
    expect(screen.getByRole('menu', { name: 'Actions for ci' })).toBe(menu);
    expect(menu.style.top).toBe('76px');
    expect(focusedItem()).toBe('Details');

    at(-200);
    act(() => void window.dispatchEvent(new Event('scroll')));
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
  });

  it('opens on Enter at the first item, moves with arrows and wraps, and Enter picks', async () => {
    const { user, actions, button } = renderMenu();
    button.focus();
    await user.keyboard('{Enter}');
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('menu', { name: 'Actions for ci' })).toBeInTheDocument();
    expect(focusedItem()).toBe('Details');
    await user.keyboard('{ArrowDown}');
    expect(focusedItem()).toBe('Edit');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(focusedItem()).toBe('Details');
    await user.keyboard('{ArrowUp}');
    expect(focusedItem()).toBe('Delete');
    await user.keyboard('{Enter}');
    expect(actions.remove).toHaveBeenCalledOnce();
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    // Back on the button first, so a dialog the item opens returns focus there when it closes.
    expect(button).toHaveFocus();
  });

  it('opens on Space and ArrowDown at the first item, on ArrowUp at the last', async () => {
    const { user, button } = renderMenu();
    button.focus();
    await user.keyboard(' ');
    expect(focusedItem()).toBe('Details');
    await user.keyboard('{Escape}');
    await user.keyboard('{ArrowUp}');
    expect(focusedItem()).toBe('Delete');
    await user.keyboard('{Home}');
    expect(focusedItem()).toBe('Details');
    await user.keyboard('{End}');
    expect(focusedItem()).toBe('Delete');
  });

  it('closes on Escape with focus back on the button, and Tab leaves it closed', async () => {
    const { user, button, actions } = renderMenu();
    button.focus();
    await user.keyboard('{ArrowDown}');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(button).toHaveFocus();
    expect(button).toHaveAttribute('aria-expanded', 'false');

    await user.keyboard('{ArrowDown}');
    await user.tab();
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(Object.values(actions).every((action) => action.mock.calls.length === 0)).toBe(true);
  });

  it('closes when the pointer goes down outside it', async () => {
    const { user, button } = renderMenu();
    await user.click(button);
    expect(screen.getByRole('menu')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'after' }));
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
  });
});
