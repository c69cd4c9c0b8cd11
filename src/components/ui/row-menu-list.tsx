import { useEffect, useLayoutEffect, useRef, type KeyboardEvent, type RefObject } from 'react';

export type RowMenuItem = { label: string; onSelect: () => void; danger?: boolean };

type RowMenuListProps = {
  id: string;
  label: string;
  items: readonly RowMenuItem[];
  /** The item that takes focus as it opens. */
  from: 'first' | 'last';
  buttonRef: RefObject<HTMLButtonElement | null>;
  /**
   * `refocus`: focus goes back to the button (Escape, a pick), not wherever it was going (Tab).
   * Stable: the listeners the menu adds while open follow it.
   */
  onClose: (refocus: boolean) => void;
};

const EDGE = 8;
/** Until measured; one object, so React never resets what the layout effect placed. */
const UNPLACED = { top: 0, left: 0, visibility: 'hidden' } as const;

/**
 * The open menu of a `RowMenu`: mounted only while open, so a list of a thousand rows carries
 * one button each, with no listeners and no effects, until a menu is asked for.
 */
export function RowMenuList({ id, label, items, from, buttonRef, onClose }: RowMenuListProps) {
  const menuRef = useRef<HTMLDivElement>(null);
  const itemsOf = () => menuItems(menuRef.current);

  useLayoutEffect(() => {
    // Placed before it is shown and focused: a hidden item cannot take focus.
    placeMenu(buttonRef.current, menuRef.current);
    const items = menuItems(menuRef.current);
    (from === 'first' ? items[0] : items.at(-1))?.focus();
  }, [from, buttonRef]);

  useEffect(() => {
    const outside = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) {
        onClose(false);
      }
    };
    // The page moving under an open menu (a scroll, the list growing above it) takes the menu
    // with its button rather than closing it: a click that opened it is never lost. A button
    // scrolled out of sight takes its menu with it.
    const follow = () => {
      const anchor = buttonRef.current?.getBoundingClientRect();
      if (!anchor || anchor.bottom < 0 || anchor.top > window.innerHeight) onClose(false);
      else placeMenu(buttonRef.current, menuRef.current);
    };
    document.addEventListener('pointerdown', outside);
    window.addEventListener('resize', follow);
    window.addEventListener('scroll', follow, true);
    return () => {
      document.removeEventListener('pointerdown', outside);
      window.removeEventListener('resize', follow);
      window.removeEventListener('scroll', follow, true);
    };
  }, [buttonRef, onClose]);

  const onMenuKey = (event: KeyboardEvent) => {
    const all = itemsOf();
    const at = all.indexOf(document.activeElement as HTMLElement);
    const move = (index: number) => {
      event.preventDefault();
      all[(index + all.length) % all.length]?.focus();
    };
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(all.length - 1);
    else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose(true);
    } else if (event.key === 'Tab') onClose(false);
    // Arrows are the menu's own: the row must not also move focus along itself.
    if (event.key.startsWith('Arrow')) event.stopPropagation();
  };

  return (
    <div
      ref={menuRef}
      id={id}
      role="menu"
      aria-label={label}
      // Focus lives on its items (each -1, moved by the arrows), not on the menu itself.
      tabIndex={-1}
      onKeyDown={onMenuKey}
      style={UNPLACED}
      className="border-line bg-surface fixed z-20 flex min-w-36 flex-col rounded-md border py-1 shadow-lg"
    >
      {items.map((item) => (
        <button
          key={item.label}
          type="button"
          role="menuitem"
          tabIndex={-1}
          onClick={() => {
            // Focus back on the button first: a dialog the item opens returns focus there.
            onClose(true);
            item.onSelect();
          }}
          className={`hover:bg-surface-muted focus:bg-surface-muted px-3 py-1.5 text-left text-sm focus:outline-none ${item.danger ? 'text-danger-fg' : 'text-fg'}`}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}

const menuItems = (menu: HTMLElement | null) => [
  ...(menu?.querySelectorAll<HTMLElement>('[role=menuitem]') ?? []),
];

/** Beside its button, below it or else above it, inside the viewport on every side. */
function placeMenu(button: HTMLElement | null, menu: HTMLElement | null) {
  if (!button || !menu) return;
  const anchor = button.getBoundingClientRect();
  const { offsetWidth: width, offsetHeight: height } = menu;
  const below = anchor.bottom + 4;
  const top =
    below + height <= window.innerHeight - EDGE ? below : Math.max(EDGE, anchor.top - height - 4);
  // Right-aligned with the button (it sits at the row's end), kept inside on both sides.
  const left = Math.max(EDGE, Math.min(anchor.right - width, window.innerWidth - width - EDGE));
  Object.assign(menu.style, { top: `${top}px`, left: `${left}px`, visibility: 'visible' });
}
