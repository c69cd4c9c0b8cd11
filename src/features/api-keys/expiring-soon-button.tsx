import { createPortal } from 'react-dom';
import { HEADER_COUNT_SLOT } from '../../lib/header-slot';
import { useExpiringSoonCount } from './api/use-expiring-soon-count';
import type { KeysView } from './model/keys-view';

const SHAPE =
  'rounded-full border px-2.5 py-0.5 text-sm font-medium whitespace-nowrap tabular-nums';

type Props = {
  view: KeysView;
  projectId: number | undefined;
  onViewChange: (change: Partial<KeysView>) => void;
};

/**
 * The header's "N expiring soon": the project's keys that expire within 14 days, a toggle that
 * shows only them in the list (`?expiring=1`, so a link keeps it). Hidden when none does, unless
 * it is the filter in force: pressing it again is how the list comes back. Rendered by the list
 * into the header's slot, so it costs the first load nothing.
 */
export function ExpiringSoonButton({ view, projectId, onViewChange }: Props) {
  const count = useExpiringSoonCount(view, projectId);
  const slot = document.getElementById(HEADER_COUNT_SLOT);
  if (!slot) return null;
  const sentence =
    count === undefined
      ? ''
      : `${count === 0 ? 'No' : count} ${count === 1 ? 'key expires' : 'keys expire'} within 14 days.`;
  return createPortal(
    <>
      {/* Polite, and always there, so a change of the count is read out, not its first showing. */}
      <span role="status" className="sr-only">
        {sentence}
      </span>
      {count !== undefined && (count > 0 || view.expiring) ? (
        <button
          type="button"
          aria-pressed={view.expiring}
          title={sentence}
          onClick={() => onViewChange({ expiring: !view.expiring })}
          // Below lg the header wraps: last, it can only take a line of its own at the bottom.
          className={`${SHAPE} border-warning-line bg-warning-subtle text-warning-fg focus-visible:outline-focus aria-pressed:bg-warning-fg aria-pressed:text-surface focus-visible:outline-2 focus-visible:outline-offset-2 max-lg:order-last`}
        >
          {count} expiring soon
        </button>
      ) : (
        // Its room, kept on a wide screen: the count coming or going must not reflow the header
        // (the connection banner beside it wraps when it loses width).
        <span aria-hidden="true" className={`${SHAPE} invisible max-lg:hidden`}>
          0 expiring soon
        </span>
      )}
    </>,
    slot,
  );
}
