import { useSyncExternalStore } from 'react';

/** Tailwind's `max-md` as the built CSS writes it: the keys table's rows are cards there. */
const CARDS = 'not all and (min-width: 48rem)';

const screenOf = () => (typeof window.matchMedia === 'function' ? window.matchMedia(CARDS) : null);

function subscribe(onChange: () => void): () => void {
  const screen = screenOf();
  screen?.addEventListener('change', onChange);
  return () => screen?.removeEventListener('change', onChange);
}

/**
 * Whether the rows show as cards, which label their facts themselves ("Expires:"). A wide screen's
 * header names them, and labels it hides would cost a page of rows three elements each for
 * nothing. Where the screen cannot be asked, cards: the labels are there and CSS hides them.
 */
export function useCardLayout(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => screenOf()?.matches ?? true,
    () => true,
  );
}
