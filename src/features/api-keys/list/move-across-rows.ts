import { createContext, type KeyboardEvent } from 'react';
import { moveAlongRow, ROW_STOPS } from './move-along-row';

/** Where Ctrl+Home and Ctrl+End go, as in the APG grid: the first row's first cell, the last's last. */
export type RowEdge = 'first' | 'last';
/** Brings focus to the table's edge row, from a row of it. */
export type JumpToEdge = (edge: RowEdge, from: HTMLTableRowElement) => void;

/** The edge a key press asks for, or null where it is not Ctrl (⌘ on a Mac) + Home/End. */
export function rowEdgeOf(event: KeyboardEvent): RowEdge | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return null;
  return event.key === 'Home' ? 'first' : event.key === 'End' ? 'last' : null;
}

/** Focuses the row's first or last stop. */
export function focusRowEdge(row: Element, edge: RowEdge, options?: FocusOptions) {
  const stops = row.querySelectorAll<HTMLElement>(ROW_STOPS);
  (edge === 'first' ? stops[0] : stops[stops.length - 1])?.focus(options);
}

/** In a body that renders every row the edge row is already there. */
const focusEdgeRow: JumpToEdge = (edge, from) => {
  const rows = from.parentElement?.querySelectorAll('tr[data-key-id]') ?? [];
  const row = edge === 'first' ? rows[0] : rows[rows.length - 1];
  if (row) focusRowEdge(row, edge);
};

/** How the body around the rows reaches its edge rows; a virtualised one renders them first. */
export const JumpToEdgeContext = createContext<JumpToEdge>(focusEdgeRow);

/** A row's keys: along the row, or with Ctrl to the table's first or last row. */
export function moveInTable(event: KeyboardEvent<HTMLTableRowElement>, jumpToEdge: JumpToEdge) {
  const edge = rowEdgeOf(event);
  if (edge === null) {
    moveAlongRow(event);
    return;
  }
  event.preventDefault();
  jumpToEdge(edge, event.currentTarget);
}
