import { useLayoutEffect, useRef, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { countOf } from '../../../lib/plural';
import type { DetachAndDeleteState } from '../../jobs/model/detach-and-delete-view';

export type DetachAndDeleteProgressProps = {
  /** From `useDetachAndDelete(...)`. */
  state: DetachAndDeleteState;
  current: string | null;
  running: boolean;
  onRetry: () => void;
  /** Why the last Retry did not go through (refused, or the server unreachable); null if none. */
  retryError: string | null;
};

/**
 * Where a detach-and-delete stands: each deployment detached or not, whether the key still
 * exists, and on failure why, with Retry continuing from there. Never leaves a key that lost some
 * bindings without saying so.
 */
export function DetachAndDeleteProgress({
  state,
  current,
  running,
  onRetry,
  retryError,
}: DetachAndDeleteProgressProps) {
  const summaryRef = useRef<HTMLParagraphElement>(null);
  const [retried, setRetried] = useState(false);
  // Retry stays (inert) while its run goes on, so focus stays put; if it then leaves with focus
  // on it, focus goes to the summary, which says how the run ended.
  const showRetry = Boolean(state.failure) || (retried && running);
  useLayoutEffect(() => {
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (!showRetry && retried && lost) summaryRef.current?.focus();
  }, [showRetry, retried]);
  const failedAt = state.failure?.deployment ?? null;
  return (
    <div className="flex flex-col gap-2 text-sm">
      <p ref={summaryRef} tabIndex={-1} role="status" className="font-medium">
        {summary(state, current, running)}
      </p>
      <ul className="flex flex-col gap-1">
        {state.detached.map((name) => (
          <li key={name}>
            <span aria-hidden="true">✓ </span>
            {name}: detached
          </li>
        ))}
        {state.remaining.map((name) => (
          <li key={name}>
            <span aria-hidden="true">{name === current ? '◌ ' : '○ '}</span>
            {name}:{' '}
            {name === current
              ? 'detaching…'
              : name === failedAt
                ? state.failure?.interrupted
                  ? 'not detached (interrupted)'
                  : 'not detached (failed)'
                : 'still attached'}
          </li>
        ))}
      </ul>
      {state.failure && (
        <div
          role="alert"
          className="border-danger-line bg-danger-subtle text-danger-fg rounded-md border p-3"
        >
          {state.failure.message}
        </div>
      )}
      {retryError && (
        <p role="alert" className="text-danger-fg">
          {retryError}
        </p>
      )}
      {showRetry && (
        <Button
          variant="danger"
          aria-disabled={running}
          className="self-start"
          onClick={() => {
            if (running) return;
            setRetried(true);
            onRetry();
          }}
        >
          {state.failure?.interrupted ? 'Resume' : 'Retry'} detach and delete
        </Button>
      )}
    </div>
  );
}

const DEPLOYMENT = { one: 'deployment', other: 'deployments' };

// The dialog around it says once what the run will do; the summary says only where it stands.
function summary(state: DetachAndDeleteState, current: string | null, running: boolean): string {
  const total = state.detached.length + state.remaining.length;
  const all = countOf(total, DEPLOYMENT);
  if (state.keyDeleted) return `Detached from ${all} and deleted the key ${state.keyName}.`;
  if (running) {
    if (current) return `Detaching from ${current} (${state.detached.length + 1} of ${total})…`;
    return state.remaining.length > 0
      ? `Starting to detach ${state.keyName}…`
      : `Deleting the key ${state.keyName}…`;
  }
  // Stopped at the DELETE itself: it may have landed before the answer was lost.
  if (state.failure && state.remaining.length === 0) {
    return `Detached from ${all}; whether the key ${state.keyName} is deleted is not known yet.`;
  }
  if (state.failure) {
    return `Stopped: detached from ${state.detached.length} of ${all}. The key ${state.keyName} still exists.`;
  }
  return `Attached to ${all}.`;
}
