import { useSyncExternalStore } from 'react';

/** Tailwind's `max-md` as the built CSS writes it: the keys table's rows are cards there. */
const CARDS = 'not all and (min-width: 48rem)';

/** One query list for the page: React asks for the snapshot on every render of the table. */
let asked: { matchMedia: Window['matchMedia']; screen: MediaQueryList } | null = null;

function screenOf(): MediaQueryList | null {
  if (typeof window.matchMedia !== 'function') return null;
  // Keyed by the function as well, so a page (or test) that replaces it is asked anew.
  if (asked?.matchMedia !== window.matchMedia) {
    asked = { matchMedia: window.matchMedia, screen: window.matchMedia(CARDS) };
  }
  return asked.screen;
}

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
