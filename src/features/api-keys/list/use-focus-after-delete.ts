import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { KeyRecord } from '../api/key-model';

/**
 * After a delete, focus goes to the next row, else the previous one, else the list's heading:
 * never to <body>. `deleting` remembers the key when its dialog opens; `afterDelete` asks for the
 * move, made once the dialog is gone (`dialogOpen` false): while a modal is open the page is
 * inert and cannot take focus, and the dialog's own cleanup would hand focus back to the menu
 * button of the row that is about to disappear.
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

  const deleting = useCallback((key: KeyRecord) => {
    deleted.current = key.id;
  }, []);

  const afterDelete = useCallback(() => {
    const ids = rowsNow.current?.map((key) => key.id) ?? [];
    const at = deleted.current === null ? -1 : ids.indexOf(deleted.current);
    deleted.current = null;
    target.current = { id: at < 0 ? undefined : (ids[at + 1] ?? ids[at - 1]) };
    setRequest((n) => n + 1);
  }, []);

  useEffect(() => {
    const wanted = target.current;
    if (!wanted || dialogOpen) return;
    target.current = null;
    const row = [...(list.current?.querySelectorAll<HTMLElement>('[data-key-id]') ?? [])].find(
      (element) => element.dataset.keyId === wanted.id,
    );
    (row ?? heading.current)?.focus();
  }, [request, dialogOpen, list, heading]);

  return { deleting, afterDelete };
}
