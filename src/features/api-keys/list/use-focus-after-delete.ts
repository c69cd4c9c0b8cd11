import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { KeyRecord } from '../api/key-model';

/**
 * After a delete, focus goes to the next row, else the previous one, else the list's heading:
 * never to <body>. `deleting` remembers the key when its dialog opens; `afterDelete` asks for the
 * move, made once the dialog is gone (`dialogOpen` false): while a modal is open the page is
 * inert and cannot take focus, and the dialog's own cleanup would hand focus back to the menu
 * button of the row that is about to disappear. A row that leaves while holding focus (its key
 * deleted by a job, or in another tab) hands focus on by the same rule.
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
    const gone = focusedRowRef.current;
    if (gone === null || rows?.some((key) => key.id === gone)) return;
    focusedRowRef.current = null;
    // Focus left the row on its own way out (to the toasts, say): nothing was lost.
    if (document.activeElement !== null && document.activeElement !== document.body) return;
    const ids = rowsNow.current?.map((key) => key.id) ?? [];
    const still = new Set(rows?.map((key) => key.id));
    focusRowOrHeading(
      list.current,
      heading.current,
      neighbourOf(ids, gone, (id) => still.has(id)),
    );
  }, [rows, focusedRowRef, list, heading]);

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

function focusRowOrHeading(
  list: HTMLElement | null,
  heading: HTMLElement | null,
  id: string | undefined,
) {
  const row = [...(list?.querySelectorAll<HTMLElement>('[data-key-id]') ?? [])].find(
    (element) => element.dataset.keyId === id,
  );
  (row ?? heading)?.focus();
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
