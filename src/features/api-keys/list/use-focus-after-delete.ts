import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { provideLostFocusTarget } from '../../../lib/lost-focus';
import type { KeyRecord } from '../api/key-model';

/**
 * After a delete, focus goes to the next row, else the previous one, else the list's heading:
 * never to <body>. `deleting` remembers the key when its dialog opens; `afterDelete` asks for the
 * move, made once the dialog is gone (`dialogOpen` false): while a modal is open the page is
 * inert and cannot take focus, and the dialog's own cleanup would hand focus back to the menu
 * button of the row that is about to disappear. A row that leaves while holding focus (its key
 * deleted by a job, or in another tab) hands focus on by the same rule, and so does one that
 * leaves while focus is in a notice that hands it back there later.
 */
export function useFocusAfterDelete(
  rows: readonly KeyRecord[] | undefined,
  list: RefObject<HTMLElement | null>,
  heading: RefObject<HTMLElement | null>,
  dialogOpen: boolean,
) {
  const rowsNow = useRef(rows);
  useEffect(() => {
    rowsNow.current = rows;
  }, [rows]);
  const deleted = useRef<string | null>(null);
  // The row to focus (undefined: the heading); the state only wakes the effect below.
  const target = useRef<{ id: string | undefined } | null>(null);
  const [request, setRequest] = useState(0);
  const focusedRowRef = useFocusedRow(list);
  // The rows that left at the last change, each with the row that takes its place for focus.
  const heirs = useRef(new Map<string, string | undefined>());

  const deleting = useCallback((key: KeyRecord) => {
    deleted.current = key.id;
  }, []);

  const afterDelete = useCallback(() => {
    const ids = rowsNow.current?.map((key) => key.id) ?? [];
    target.current = { id: neighbourOf(ids, deleted.current, () => true) };
    deleted.current = null;
    setRequest((n) => n + 1);
  }, []);

  // A layout effect: `rowsNow` still holds the rows before this render, where the gone row was,
  // and focus moves before anything paints without it. No dialog is open when focus fell to
  // <body>, so the move need not wait like `afterDelete`'s.
  useLayoutEffect(() => {
    const ids = rowsNow.current?.map((key) => key.id) ?? [];
    const still = new Set(rows?.map((key) => key.id));
    const left = ids.filter((id) => !still.has(id));
    if (left.length > 0) heirs.current = heirsOf(ids, still);
    const gone = focusedRowRef.current;
    if (gone === null || still.has(gone)) return;
    focusedRowRef.current = null;
    // Focus left the row on its own way out (to the toasts, say): nothing was lost.
    if (document.activeElement !== null && document.activeElement !== document.body) return;
    focusRowOrHeading(list.current, heading.current, heirs.current.get(gone));
  }, [rows, focusedRowRef, list, heading]);

  // Focus handed back to an element that left with its row goes where the row's leaving sent it.
  useEffect(
    () =>
      provideLostFocusTarget((lost) => {
        const id = lost?.closest<HTMLElement>('[data-key-id]')?.dataset.keyId;
        if (id === undefined) return heading.current;
        const present = rowsNow.current?.some((key) => key.id === id) === true;
        return findRow(list.current, present ? id : heirs.current.get(id)) ?? heading.current;
      }),
    [list, heading],
  );

  useEffect(() => {
    const wanted = target.current;
    if (!wanted || dialogOpen) return;
    target.current = null;
    focusRowOrHeading(list.current, heading.current, wanted.id);
  }, [request, dialogOpen, list, heading]);

  return { deleting, afterDelete };
}

/** The key of the row that holds focus in the list, or null. */
function useFocusedRow(list: RefObject<HTMLElement | null>) {
  const holding = useRef<string | null>(null);
  useEffect(() => {
    const element = list.current;
    if (!element) return;
    const onFocusIn = (event: FocusEvent) => {
      const row = event.target instanceof Element ? event.target.closest('[data-key-id]') : null;
      holding.current = row instanceof HTMLElement ? (row.dataset.keyId ?? null) : null;
    };
    // Focus that moved elsewhere lets go; a removed row takes focus with it and says nowhere.
    const onFocusOut = (event: FocusEvent) => {
      const next = event.relatedTarget;
      if (next instanceof Node && !element.contains(next)) holding.current = null;
    };
    element.addEventListener('focusin', onFocusIn);
    element.addEventListener('focusout', onFocusOut);
    return () => {
      element.removeEventListener('focusin', onFocusIn);
      element.removeEventListener('focusout', onFocusOut);
    };
  }, [list]);
  return holding;
}

function findRow(list: HTMLElement | null, id: string | undefined): HTMLElement | undefined {
  return [...(list?.querySelectorAll<HTMLElement>('[data-key-id]') ?? [])].find(
    (element) => element.dataset.keyId === id,
  );
}

function focusRowOrHeading(
  list: HTMLElement | null,
  heading: HTMLElement | null,
  id: string | undefined,
) {
  (findRow(list, id) ?? heading)?.focus();
}

/** The row after `id` still on the page, else the one before; undefined: none (the heading). */
function neighbourOf(
  ids: readonly string[],
  id: string | null,
  kept: (id: string) => boolean,
): string | undefined {
  const at = id === null ? -1 : ids.indexOf(id);
  if (at < 0) return undefined;
  return ids.slice(at + 1).find(kept) ?? ids.slice(0, at).reverse().find(kept);
}

/**
 * Each row that left with the row after it still on the page, else the one before: in two passes,
 * as a filter can take 900 of 1000 rows away at once.
 */
function heirsOf(ids: readonly string[], still: ReadonlySet<string>) {
  const heirs = new Map<string, string | undefined>();
  let after: string | undefined;
  for (let at = ids.length - 1; at >= 0; at -= 1) {
    const id = ids[at] as string;
    if (still.has(id)) after = id;
    else heirs.set(id, after);
  }
  let before: string | undefined;
  for (const id of ids) {
    if (still.has(id)) before = id;
    else if (heirs.get(id) === undefined) heirs.set(id, before);
  }
  return heirs;
}
