import { useLayoutEffect, useRef, useState } from 'react';
import { Button } from '../../../components/ui/button';
import type { BindingJobState } from './binding-jobs';
import type { BindingJobItem } from './use-binding-jobs';

export type BindingProgressListProps = {
  /** From `useBindingJobs(...).items`. */
  items: readonly BindingJobItem[];
  /** Starts the job for one deployment again (`useBindingJobs(...).retry`). */
  onRetry: (deployment: string) => void;
};

/** The words for one state; `attach` chooses between binding and detaching. */
export function describeJobState(state: BindingJobState, attach: boolean): string {
  switch (state.status) {
    case 'idle':
      return 'waiting to start';
    case 'pending':
      return attach ? 'binding…' : 'detaching…';
    case 'done':
      return attach ? 'bound' : 'detached';
    case 'failed':
      return `failed: ${state.message}`;
    case 'still-running':
      return `still in progress (task ${state.taskIds.join(', ')}): the API has not finished; check again later`;
    case 'overridden':
      return attach
        ? 'a concurrent edit replaced the list; the key is not bound'
        : 'a concurrent edit replaced the list; the key is still attached';
  }
}

const ICONS: Record<BindingJobState['status'], string> = {
  idle: '○',
  pending: '◌',
  done: '✓',
  failed: '✕',
  'still-running': '…',
  overridden: '!',
};

const retryable = (state: BindingJobState) =>
  state.status === 'failed' || state.status === 'still-running' || state.status === 'overridden';

/**
 * Per deployment, how its binding job stands, with Retry where it did not land. A summary line is
 * a polite live region, so a screen reader hears progress without the whole list re-read.
 */
export function BindingProgressList({ items, onRetry }: BindingProgressListProps) {
  return (
    <div className="flex flex-col gap-2">
      <p role="status" className="text-fg-muted text-sm">
        {summary(items)}
      </p>
      <ul className="flex flex-col gap-1.5">
        {items.map((item) => (
          <ProgressRow key={item.deployment} item={item} onRetry={onRetry} />
        ))}
      </ul>
    </div>
  );
}

function ProgressRow({ item, onRetry }: { item: BindingJobItem; onRetry: (d: string) => void }) {
  const { deployment, attach, state } = item;
  const rowRef = useRef<HTMLLIElement>(null);
  const [retried, setRetried] = useState(false);
  // The Retry button stays (inert) while its retry runs, so focus stays on it; when it goes away
  // because the retry landed, focus that fell to the page moves to the row, which says "bound".
  const showRetry = retryable(state) || (retried && state.status === 'pending');
  useLayoutEffect(() => {
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (!showRetry && retried && lost) rowRef.current?.focus();
  }, [showRetry, retried]);
  const tone =
    state.status === 'done'
      ? 'text-success-fg'
      : retryable(state)
        ? 'text-danger-fg'
        : 'text-fg-muted';
  return (
    <li ref={rowRef} tabIndex={-1} className="flex flex-wrap items-center gap-2 text-sm">
      <span aria-hidden="true" className={tone}>
        {ICONS[state.status]}
      </span>
      <span className="font-medium">{deployment}</span>
      <span className={tone}>{describeJobState(state, attach)}</span>
      {showRetry && (
        <Button
          aria-disabled={state.status === 'pending'}
          onClick={() => {
            if (state.status === 'pending') return;
            setRetried(true);
            onRetry(deployment);
          }}
        >
          {attach ? `Retry binding to ${deployment}` : `Retry detaching from ${deployment}`}
        </Button>
      )}
    </li>
  );
}

function summary(items: readonly BindingJobItem[]): string {
  const count = (status: BindingJobState['status']) =>
    items.filter((item) => item.state.status === status).length;
  const parts = [
    `${count('done')} of ${items.length} done`,
    count('pending') > 0 ? `${count('pending')} in progress` : '',
    count('failed') + count('overridden') > 0
      ? `${count('failed') + count('overridden')} need attention`
      : '',
    count('still-running') > 0 ? `${count('still-running')} still running at the API` : '',
  ];
  return parts.filter(Boolean).join(', ') + '.';
}
