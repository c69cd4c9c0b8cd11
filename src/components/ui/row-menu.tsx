import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';

export type RowMenuItem = { label: string; onSelect: () => void; danger?: boolean };

type RowMenuProps = {
  /** The button's accessible name, e.g. "Actions for ci-pipeline". */
  label: string;
  items: readonly RowMenuItem[];
  /** The row decides whether the button is its tab stop (see the keys table). */
  tabIndex?: number;
};

const EDGE = 8;
/** Until measured; one object, so React never resets what the layout effect placed. */
const UNPLACED = { top: 0, left: 0, visibility: 'hidden' } as const;

/**
 * A menu button (WAI-ARIA APG "menu button"): Enter, Space or ArrowDown opens it on the first
 * item, ArrowUp on the last; arrows, Home and End move; Escape closes it and returns focus to the
 * button; Tab closes it and moves on. The menu is fixed-positioned from the button's box and flips
 * up or left so it never leaves the viewport (a scrolling table would otherwise clip it).
 */
export function RowMenu({ label, items, tabIndex }: RowMenuProps) {
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState<null | 'first' | 'last'>(null);

  const itemsOf = () => [
    ...(menuRef.current?.querySelectorAll<HTMLElement>('[role=menuitem]') ?? []),
  ];
  const close = (refocus: boolean) => {
    setOpen(null);
    if (refocus) buttonRef.current?.focus();
  };

  // Beside its button, below it or else above it, inside the viewport on every side.
  const place = () => {
    const button = buttonRef.current;
    const menu = menuRef.current;
    if (!button || !menu) return;
    const anchor = button.getBoundingClientRect();
    const { offsetWidth: width, offsetHeight: height } = menu;
    const below = anchor.bottom + 4;
    const top =
      below + height <= window.innerHeight - EDGE ? below : Math.max(EDGE, anchor.top - height - 4);
    // Right-aligned with the button (it sits at the row's end), kept inside on both sides.
    const left = Math.max(EDGE, Math.min(anchor.right - width, window.innerWidth - width - EDGE));
    Object.assign(menu.style, { top: `${top}px`, left: `${left}px`, visibility: 'visible' });
  };

  useLayoutEffect(() => {
    if (!open) return;
    // Placed before it is shown and focused: a hidden item cannot take focus.
    place();
    const target = open === 'first' ? itemsOf()[0] : itemsOf().at(-1);
    target?.focus();
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) close(false);
    };
    // The page moving under an open menu (a scroll, the list growing above it) takes the menu
    // with its button rather than closing it: a click that opened it is never lost. A button
    // scrolled out of sight takes its menu with it.
    const follow = () => {
      const anchor = buttonRef.current?.getBoundingClientRect();
      if (!anchor || anchor.bottom < 0 || anchor.top > window.innerHeight) close(false);
      else place();
    };
    document.addEventListener('pointerdown', outside);
    window.addEventListener('resize', follow);
    window.addEventListener('scroll', follow, true);
    return () => {
      document.removeEventListener('pointerdown', outside);
      window.removeEventListener('resize', follow);
      window.removeEventListener('scroll', follow, true);
    };
  }, [open]);

  const onButtonKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(event.key === 'ArrowDown' ? 'first' : 'last');
    }
  };

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
      close(true);
    } else if (event.key === 'Tab') close(false);
    // Arrows are the menu's own: the row must not also move focus along itself.
    if (event.key.startsWith('Arrow')) event.stopPropagation();
  };

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        tabIndex={tabIndex}
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open !== null}
        aria-controls={open ? menuId : undefined}
        data-row-stop=""
        onClick={() => (open ? close(true) : setOpen('first'))}
        onKeyDown={onButtonKey}
        className="text-fg-muted hover:bg-surface-muted focus-visible:outline-focus inline-flex size-8 items-center justify-center rounded-md focus-visible:outline-2"
      >
        <span aria-hidden="true" className="text-lg leading-none">
          ⋯
        </span>
      </button>
      {open && (
        <div
          ref={menuRef}
          id={menuId}
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
                close(true);
                item.onSelect();
              }}
              className={`hover:bg-surface-muted focus:bg-surface-muted px-3 py-1.5 text-left text-sm focus:outline-none ${item.danger ? 'text-danger-fg' : 'text-fg'}`}
            >
              {item.label}
            </button>
          ))}
        </div>
      )}
    </>
  );
}
