import { useId, type ReactNode } from 'react';
import { formatLocal, formatUtc } from '../../lib/format-date';

/** A time in the user's zone, with the UTC instant in a tooltip that hover and focus both reveal. */
export function TimeWithUtc({ date, children }: { date: Date; children?: ReactNode }) {
  const tipId = useId();
  return (
    <span className="group relative inline-flex flex-col">
      <time
        dateTime={date.toISOString()}
        // Focusable so that keyboard users can reach the UTC time too, not only mouse users.
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        aria-describedby={tipId}
        className="flex flex-col rounded focus-visible:outline-2 focus-visible:outline-focus"
      >
        {children ?? formatLocal(date)}
      </time>
      <span
        id={tipId}
        role="tooltip"
        className="invisible absolute top-full left-0 z-10 mt-1 rounded bg-inverse px-2 py-1 text-xs whitespace-nowrap text-inverse-fg group-focus-within:visible group-hover:visible"
      >
        {formatUtc(date)}
      </span>
    </span>
  );
}
