/**
 * Where focus goes when an element that held it leaves and nothing nearer can take it: the
 * notices sit outside the page's list, yet the element they would hand focus back to (a key's row)
 * may have left first. The list says where its rule would send focus; without a list, <main>.
 */
export type LostFocusTarget = (lost: Element | null) => HTMLElement | null;

let provided: LostFocusTarget | null = null;

/** The list's rule, for as long as the list is on the page. */
export function provideLostFocusTarget(target: LostFocusTarget): () => void {
  provided = target;
  return () => {
    if (provided === target) provided = null;
  };
}

/** Moves focus to where `lost` (gone from the page, or null when unknown) would have handed it. */
export function focusInsteadOf(lost: Element | null): void {
  (provided?.(lost) ?? document.querySelector<HTMLElement>('main'))?.focus();
}
