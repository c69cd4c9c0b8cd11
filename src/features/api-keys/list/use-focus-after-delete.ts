import { useCallback, useEffect, useRef, type RefObject } from 'react';
import type { KeyRecord } from '../api/key-model';

/**
 * After a delete, focus goes to the next row, else the previous one, else the list's heading:
 * never to <body>. `deleting` remembers the key when its dialog opens; `afterDelete` runs once the
 * dialog has gone (a modal leaves the page inert while it is open).
 */
export function useFocusAfterDelete(
  rows: readonly KeyRecord[] | undefined,
  list: RefObject<HTMLElement | null>,
  heading: RefObject<HTMLElement | null>,
) {
  const rowsNow = useRef(rows);
  useEffect(() => {
    rowsNow.current = rows;
  }, [rows]);
  const deleted = useRef<string | null>(null);

  const deleting = useCallback((key: KeyRecord) => {
    deleted.current = key.id;
  }, []);

  const afterDelete = useCallback(() => {
    const ids = rowsNow.current?.map((key) => key.id) ?? [];
    const at = deleted.current === null ? -1 : ids.indexOf(deleted.current);
    deleted.current = null;
    const target = at < 0 ? undefined : (ids[at + 1] ?? ids[at - 1]);
    requestAnimationFrame(() => {
      const row = [...(list.current?.querySelectorAll<HTMLElement>('[data-key-id]') ?? [])].find(
        (element) => element.dataset.keyId === target,
      );
      (row ?? heading.current)?.focus();
    });
  }, [list, heading]);

  return { deleting, afterDelete };
}
