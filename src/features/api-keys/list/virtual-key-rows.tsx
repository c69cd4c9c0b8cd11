import {
  defaultRangeExtractor,
  useWindowVirtualizer,
  type Range,
  type VirtualItem,
} from '@tanstack/react-virtual';
import { useCallback, useLayoutEffect, useState, type FocusEvent, type ReactNode } from 'react';
import type { KeyRecord } from '../api/key-model';
import { focusRowEdge, JumpToEdgeContext, type JumpToEdge, type RowEdge } from './move-across-rows';
import { useBodyPlace, useMeasureAfter } from './use-body-place';
import { useKeepAtEnd } from './use-keep-at-end';

export type RowElementCallback = (keyId: string, row: HTMLTableRowElement | null) => void;

type VirtualKeyRowsProps = {
  rows: readonly KeyRecord[];
  renderRow: (apiKey: KeyRecord, index: number, onRowElement: RowElementCallback) => ReactNode;
  onRowElement: RowElementCallback;
  /** A key the table is about to focus (a new one): rendered wherever the page is scrolled. */
  wantedId: string | null;
  className: string;
};

/** Rows rendered beyond each edge of the window, so a quick scroll rarely shows a blank. */
const OVERSCAN = 8;
/**
 * First guesses only, each rendered row is measured: a row with no description is about 41 px
 * (e2e/layout-list.spec.ts), and the closer the guess the less the page shifts as rows arrive.
 */
const ROW_ESTIMATE = 41;
const CARD_ESTIMATE = 150;

/**
 * The keys table's body for a big page: only the rows in and near the window are in the DOM,
 * spacer rows stand for the rest so the page's scrollbar is right. The page scrolls, not a box.
 * The row holding focus and its neighbours stay rendered wherever the page scrolls: focus is
 * never dropped, and Tab from it reaches the next row, not the first one the window shows.
 */
export function VirtualKeyRows({
  rows,
  renderRow,
  onRowElement,
  wantedId,
  className,
}: VirtualKeyRowsProps) {
  const { bodyRef, top, gap, measure } = useBodyPlace();
  const [held, setHeld] = useState<{ id: string; index: number } | null>(null);
  const heldIndex = indexOfKept(rows, held);
  const wantedIndex = wantedId === null ? -1 : rows.findIndex((key) => key.id === wantedId);

  const rangeExtractor = useCallback(
    (range: Range) => withKept(defaultRangeExtractor(range), [heldIndex, wantedIndex], range.count),
    [heldIndex, wantedIndex],
  );
  const estimateSize = useCallback(() => (gap > 0 ? CARD_ESTIMATE : ROW_ESTIMATE), [gap]);
  const getItemKey = useCallback((index: number) => rows[index]?.id ?? index, [rows]);
  const virtualizer = useWindowVirtualizer<HTMLTableRowElement>({
    count: rows.length,
    estimateSize,
    getItemKey,
    overscan: OVERSCAN,
    scrollMargin: top,
    gap,
    rangeExtractor,
    // The window's size from the start: the first render has rows, not an empty body.
    initialRect: { width: window.innerWidth, height: window.innerHeight },
  });
  const measured = useCallback<RowElementCallback>(
    (keyId, row) => {
      onRowElement(keyId, row);
      virtualizer.measureElement(row);
    },
    [onRowElement, virtualizer],
  );

  // Ctrl+Home/End: the edge row is held (so rendered wherever the page is), then focused.
  const [jump, setJump] = useState<{ index: number; edge: RowEdge } | null>(null);
  const jumpToEdge = useCallback<JumpToEdge>(
    (edge) => {
      const index = edge === 'first' ? 0 : rows.length - 1;
      const apiKey = rows[index];
      if (!apiKey) return;
      setHeld({ id: apiKey.id, index });
      setJump({ index, edge });
    },
    [rows],
  );
  useLayoutEffect(() => {
    const row = jump && bodyRef.current?.querySelector(`tr[data-index="${jump.index}"]`);
    if (!jump || !row) return;
    setJump(null);
    // The virtualiser scrolls it in and again once its neighbours are measured; the browser's
    // own scroll into view would land where the guessed sizes put it.
    focusRowEdge(row, jump.edge, { preventScroll: true });
    virtualizer.scrollToIndex(jump.index, { align: 'auto' });
  }, [jump, bodyRef, virtualizer]);

  const onFocus = (event: FocusEvent<HTMLTableSectionElement>) => {
    const row = event.target.closest<HTMLElement>('tr[data-key-id]');
    const id = row?.dataset.keyId;
    const index = Number(row?.dataset.index);
    if (id !== undefined && Number.isInteger(index) && held?.id !== id) setHeld({ id, index });
  };

  const items = virtualizer.getVirtualItems();
  useMeasureAfter(measure, items);
  useKeepAtEnd(virtualizer.getTotalSize());
  const listStart = virtualizer.options.scrollMargin;
  const listEnd = listStart + virtualizer.getTotalSize();
  const parts: ReactNode[] = [];
  let previous: VirtualItem | undefined;
  for (const item of items) {
    const apiKey = rows[item.index];
    if (!apiKey) continue;
    // Below `md` the body is a flex column with a gap: a spacer brings a gap of its own.
    if (previous === undefined && item.index > 0) {
      parts.push(<Spacer key="before" height={item.start - listStart - gap} />);
    } else if (previous !== undefined && item.index > previous.index + 1) {
      parts.push(<Spacer key={`gap-${item.key}`} height={item.start - previous.end - 2 * gap} />);
    }
    parts.push(renderRow(apiKey, item.index, measured));
    previous = item;
  }
  if (previous === undefined) parts.push(<Spacer key="after" height={listEnd - listStart} />);
  else if (previous.index < rows.length - 1) {
    parts.push(<Spacer key="after" height={listEnd - previous.end - gap} />);
  }

  return (
    <tbody ref={bodyRef} className={className} onFocus={onFocus}>
      <JumpToEdgeContext value={jumpToEdge}>{parts}</JumpToEdgeContext>
    </tbody>
  );
}

/** Where the held key is now; a key gone from the page (deleted) leaves its place to the next. */
function indexOfKept(rows: readonly KeyRecord[], held: { id: string; index: number } | null) {
  if (held === null) return -1;
  const at = rows.findIndex((key) => key.id === held.id);
  return at >= 0 ? at : Math.min(held.index, rows.length - 1);
}

/** The window's rows plus each kept row and its neighbours, in page order. */
function withKept(indexes: number[], kept: number[], count: number): number[] {
  const extra = kept
    .filter((index) => index >= 0)
    .flatMap((index) => [index - 1, index, index + 1])
    .filter((index) => index >= 0 && index < count);
  if (extra.length === 0) return indexes;
  return [...new Set([...indexes, ...extra])].sort((a, b) => a - b);
}

/** Stands for rows not rendered; hidden from assistive technology, which counts by aria-rowcount. */
function Spacer({ height }: { height: number }) {
  return (
    <tr aria-hidden="true" style={{ height: Math.max(0, height) }} className="max-md:block">
      <td colSpan={7} className="p-0" />
    </tr>
  );
}
