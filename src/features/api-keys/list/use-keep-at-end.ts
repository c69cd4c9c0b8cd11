import { useEffect, useLayoutEffect, useRef } from 'react';

const atEnd = () =>
  window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;

/**
 * End (or the scrollbar dragged down) takes the page to its bottom, where the last rows arrive at
 * a guessed height and are then measured: taller cards than guessed move the bottom below the
 * window, and the last row with it. While the page sits at its bottom it follows the bottom as
 * the rows' measured size changes, so one End reaches the last row.
 */
export function useKeepAtEnd(totalSize: number) {
  const wasAtEnd = useRef(false);
  useEffect(() => {
    // The place the person (or the browser, for End) left the page at: read before a measure.
    const onScroll = () => {
      wasAtEnd.current = atEnd();
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => window.removeEventListener('scroll', onScroll);
  }, []);
  useLayoutEffect(() => {
    if (wasAtEnd.current && !atEnd()) {
      window.scrollTo({ top: document.documentElement.scrollHeight });
    }
  }, [totalSize]);
}
