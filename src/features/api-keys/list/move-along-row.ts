import type { KeyboardEvent } from 'react';

/** A row's stops: its name, the deployments' summary, the two times and the actions menu. */
export const ROW_STOPS = '[data-row-stop], time[tabindex]';

/** Left/Right, Home/End between the row's controls; the row itself (focused by code) starts it. */
export function moveAlongRow(event: KeyboardEvent<HTMLTableRowElement>) {
  const keys = ['ArrowRight', 'ArrowLeft', 'Home', 'End'];
  // With Ctrl (or ⌘) Home and End leave the row for the table's first or last: the body's keys.
  if (!keys.includes(event.key) || event.ctrlKey || event.metaKey) return;
  const stops = [...event.currentTarget.querySelectorAll<HTMLElement>(ROW_STOPS)];
  const at = stops.indexOf(document.activeElement as HTMLElement);
  const last = stops.length - 1;
  const next =
    event.key === 'Home'
      ? 0
      : event.key === 'End'
        ? last
        : event.key === 'ArrowRight'
          ? Math.min(at + 1, last)
          : Math.max(at - 1, 0);
  event.preventDefault();
  stops[next]?.focus();
}
