import { useCallback, useId, useRef, useState, type KeyboardEvent } from 'react';
import { RowMenuList, type RowMenuItem } from './row-menu-list';

export type { RowMenuItem } from './row-menu-list';

type RowMenuProps = {
  /** The button's accessible name, e.g. "Actions for ci-pipeline". */
  label: string;
  items: readonly RowMenuItem[];
  /** The row decides whether the button is its tab stop (see the keys table). */
  tabIndex?: number;
};

/**
 * A menu button (WAI-ARIA APG "menu button"): Enter, Space or ArrowDown opens it on the first
 * item, ArrowUp on the last; arrows, Home and End move; Escape closes it and returns focus to the
 * button; Tab closes it and moves on. The menu is fixed-positioned from the button's box and flips
 * up or left so it never leaves the viewport (a scrolling table would otherwise clip it).
 */
export function RowMenu({ label, items, tabIndex }: RowMenuProps) {
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState<null | 'first' | 'last'>(null);

  const close = useCallback((refocus: boolean) => {
    setOpen(null);
    if (refocus) buttonRef.current?.focus();
  }, []);

  const onButtonKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(event.key === 'ArrowDown' ? 'first' : 'last');
    }
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
        // The label names it; the glyph inside is only seen.
        className="text-fg-muted hover:bg-surface-muted focus-visible:outline-focus inline-flex size-8 items-center justify-center rounded-md text-lg leading-none focus-visible:outline-2"
      >
        ⋯
      </button>
      {open && (
        <RowMenuList
          id={menuId}
          label={label}
          items={items}
          from={open}
          buttonRef={buttonRef}
          onClose={close}
        />
      )}
    </>
  );
}
