import { useId, type ReactNode } from 'react';
import { formatDateTime, formatUtc } from '../../lib/format-date';
import { formatRelative } from '../../lib/format-relative';

type TimeWithUtcProps = {
  date: Date;
  /**
   * Show the time relative to this instant ("in 3 months"), with the exact local and UTC times
   * in the tooltip. Without it the local time shows and the tooltip gives UTC.
   */
  relativeTo?: Date;
  /** Replaces the visible text (e.g. "expired 2 days ago"); the tooltip stays exact. */
  children?: ReactNode;
  /** 0 by default; -1 where a container moves focus to it itself (a table row's arrow keys). */
  tabIndex?: number;
};

/** A time the way the page shows every time, with the exact instant that hover and focus both reveal. */
export function TimeWithUtc({ date, relativeTo, children, tabIndex = 0 }: TimeWithUtcProps) {
  const tipId = useId();
  const local = formatDateTime(date);
  const utc = formatUtc(date);
  const visible = children ?? (relativeTo ? formatRelative(date, relativeTo) : local);
  // What the visible text leaves out: UTC beside a local time, the exact instant beside anything
  // else. Where the local clock is UTC the two are one time, and saying it twice reads as a mistake.
  // `isUtcClock`, read from the two texts already made rather than formatting both again.
  const oneClock = local === utc;
  const exactShown = !relativeTo && !children;
  let tip: ReactNode = exactShown ? utc : <BothClocks local={local} utc={utc} />;
  if (oneClock) tip = exactShown ? null : utc;
  return (
    <span className="group relative inline-flex flex-col">
      <time
        dateTime={date.toISOString()}
        // Focusable so that keyboard users can reach the exact time too, not only mouse users.
        tabIndex={tabIndex}
        aria-describedby={tip === null ? undefined : tipId}
        className="focus-visible:outline-focus flex flex-col rounded focus-visible:outline-2"
      >
        {visible}
      </time>
      {tip !== null && (
        <span
          id={tipId}
          role="tooltip"
          className="bg-inverse text-inverse-fg invisible absolute top-full left-0 z-10 mt-1 flex flex-col rounded px-2 py-1 text-xs whitespace-nowrap group-focus-within:visible group-hover:visible"
        >
          {tip}
        </span>
      )}
    </span>
  );
}

function BothClocks({ local, utc }: { local: string; utc: string }) {
  return (
    <>
      <span>{local}</span>
      {/* One line each on screen; a pause between them when read aloud. */}
      <span>
        <span className="sr-only">, </span>
        {utc}
      </span>
    </>
  );
}
