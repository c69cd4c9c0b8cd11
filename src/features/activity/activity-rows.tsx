import type { ReactNode, Ref } from 'react';
import { TimeWithUtc } from '../../components/ui/time-with-utc';
import type { ActivityEvent } from './api/activity-contract';
import { describeActivity } from './model/describe-activity';

type ActivityRowsProps = {
  events: ActivityEvent[];
  now: Date;
  /** The first row of the page "Load older" brought: focus goes there. */
  firstNewIndex: number | null;
  firstNewRef: Ref<HTMLTableRowElement>;
};

const COLUMNS = ['When', 'Who', 'What', 'Outcome', 'Request IDs'] as const;

/** A table from md up; below it, each row is a card with its own labels. */
export function ActivityRows({ events, now, firstNewIndex, firstNewRef }: ActivityRowsProps) {
  return (
    <div className="md:border-line overflow-x-auto md:rounded-lg md:border">
      <table className="md:bg-surface w-full border-collapse text-sm max-md:block">
        <caption className="sr-only">Writes through the dashboard, newest first</caption>
        <thead className="md:bg-canvas text-fg-muted max-md:sr-only">
          <tr>
            {COLUMNS.map((column) => (
              <th key={column} scope="col" className="px-3 py-2 text-left font-semibold">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="max-md:flex max-md:flex-col max-md:gap-3">
          {events.map((event, index) => (
            <tr
              key={event.id}
              ref={index === firstNewIndex ? firstNewRef : undefined}
              tabIndex={index === firstNewIndex ? -1 : undefined}
              className="border-line focus-visible:outline-focus border-t focus-visible:outline-2 max-md:block max-md:rounded-lg max-md:border max-md:p-3"
            >
              <Cell label="When">
                <TimeWithUtc date={new Date(event.time)} relativeTo={now} />
              </Cell>
              <Cell label="Who" className="break-all">
                {event.user}
              </Cell>
              <Cell label="What">
                {describeActivity(event)}
                {(event.key_name ?? event.key_id) ? (
                  <span className="text-fg-muted block text-xs break-all">
                    key {event.key_name ?? event.key_id}
                  </span>
                ) : null}
              </Cell>
              <Cell label="Outcome">
                <Outcome status={event.status} />
              </Cell>
              <Cell label="Request IDs" className="text-xs">
                <RequestIds event={event} />
              </Cell>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Below md the header is hidden, so each cell names its column itself. */
function Cell({
  label,
  className = '',
  children,
}: {
  label: (typeof COLUMNS)[number];
  className?: string;
  children: ReactNode;
}) {
  return (
    <td className={`px-3 py-2 align-top max-md:block max-md:px-0 max-md:py-0.5 ${className}`}>
      <span className="text-fg-muted mr-1 text-xs md:hidden">{label}</span>
      {children}
    </td>
  );
}

function Outcome({ status }: { status: number }) {
  const ok = status < 400;
  return (
    <span className={ok ? 'text-success-fg' : 'text-danger-fg'}>
      {ok ? 'done' : 'refused'} ({status})
    </span>
  );
}

/** Selectable in one click or tap: support asks for them. */
function RequestIds({ event }: { event: ActivityEvent }) {
  return (
    <span className="flex flex-col gap-0.5">
      <code className="break-all select-all" aria-label={`request ID ${event.request_id}`}>
        {event.request_id}
      </code>
      {event.upstream_request_id && (
        <code
          className="text-fg-muted break-all select-all"
          aria-label={`API request ID ${event.upstream_request_id}`}
        >
          API: {event.upstream_request_id}
        </code>
      )}
    </span>
  );
}
