import { useCallback, useLayoutEffect, useRef, useState } from 'react';

type BodyPlace = { top: number; gap: number };

/**
 * Where a table body starts in the document (the window virtualiser's scroll margin) and the gap
 * between its rows (the phone's cards sit in a flex column; a table has none). Read again after
 * each render that changes what the body shows (a scroll, a resize, another page): what sits
 * above the list (a banner) moves it without re-rendering it, and the next scroll catches up.
 */
export function useBodyPlace() {
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const [place, setPlace] = useState<BodyPlace>({ top: 0, gap: 0 });
  const measure = useCallback(() => {
    const body = bodyRef.current;
    if (!body) return;
    const top = Math.round(body.getBoundingClientRect().top + window.scrollY);
    const gap = Number.parseFloat(getComputedStyle(body).rowGap) || 0;
    setPlace((was) => (was.top === top && was.gap === gap ? was : { top, gap }));
  }, []);
  return { bodyRef, ...place, measure };
}

/** Measures the body's place after the renders that changed what it shows. */
export function useMeasureAfter(measure: () => void, rendered: unknown) {
  useLayoutEffect(measure, [measure, rendered]);
}
