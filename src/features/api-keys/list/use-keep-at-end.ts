import { useEffect, useLayoutEffect, useRef } from 'react';

const atEnd = () =>
  window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
const toEnd = () =>
  window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' });

/** End typed into a field moves its caret, not the page. */
const typedIntoField = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || target.matches('input, textarea, select'));

const isPlainEnd = (event: KeyboardEvent) =>
  event.key === 'End' && !event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey;

/**
 * End (or a scroll that stops at the bottom) asks for the page's bottom, where the last rows
 * arrive at a guessed height and are then measured: taller cards move the bottom, and the
 * virtualiser's scroll corrections cut the browser's smooth End short. Until the person does
 * anything else (a key, the wheel, a touch, a click), the page follows its bottom, so one End
 * reaches the last row. The wish comes from what the person did, not from where the page was
 * when an event happened to run: positions read mid-scroll raced the rows' measuring.
 */
export function useKeepAtEnd(totalSize: number) {
  const following = useRef(false);
  useEffect(() => {
    const stop = () => {
      following.current = false;
    };
    const onKeyDown = (event: KeyboardEvent) => {
      following.current =
        isPlainEnd(event) && !event.defaultPrevented && !typedIntoField(event.target);
    };
    const onScrollEnd = () => {
      if (atEnd()) following.current = true;
      else if (following.current) toEnd();
    };
    const passive = { passive: true };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('scrollend', onScrollEnd, passive);
    for (const input of ['wheel', 'touchstart', 'pointerdown'] as const) {
      document.addEventListener(input, stop, passive);
    }
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('scrollend', onScrollEnd);
      for (const input of ['wheel', 'touchstart', 'pointerdown'] as const) {
        document.removeEventListener(input, stop);
      }
    };
  }, []);
  useLayoutEffect(() => {
    if (following.current && !atEnd()) toEnd();
  }, [totalSize]);
}
