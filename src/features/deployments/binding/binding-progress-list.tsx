import { useLayoutEffect, useRef, useState } from 'react';
import { Button } from '../../../components/ui/button';
import type { BindingProgressItem, ProgressStatus } from '../../jobs/model/job-progress';

export type BindingProgressListProps = {
  /** From the job's steps (`jobProgressItems`). */
  items: readonly BindingProgressItem[];
  /** Runs the job for this deployment again from where it stopped. */
  onRetry: (deployment: string) => void;
  /** Why the last Retry did not go through (refused, or the server unreachable); null if none. */
  retryError?: string | null;
};

/** The words for one item; `attach` chooses between binding and detaching. */
export function describeProgress(item: BindingProgressItem): string {
  const { status, attach, message } = item;
  switch (status) {
    case 'waiting':
      return 'waiting to start';
    case 'running':
      return attach ? 'binding…' : 'detaching…';
    case 'done':
      return attach ? 'bound' : 'detached';
    case 'failed':
      return `failed: ${message ?? 'the job stopped'}`;
    case 'interrupted':
      return `interrupted: ${message ?? 'the server restarted'}`;
  }
}

const ICONS: Record<ProgressStatus, string> = {
  waiting: '○',
  running: '◌',
  done: '✓',
  failed: '✕',
  interrupted: '!',
};

const retryable = (status: ProgressStatus) => status === 'failed' || status === 'interrupted';
const pending = (status: ProgressStatus) => status === 'waiting' || status === 'running';

/**
 * Per deployment, how its change stands in the server's job, with Retry (Resume) where it did
 * not land. A summary line is a polite live region, so a screen reader hears progress without
 * the whole list re-read.
 */
export function BindingProgressList({ items, onRetry, retryError }: BindingProgressListProps) {
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
      {retryError && (
        <p role="alert" className="text-danger-fg text-sm">
          {retryError}
        </p>
      )}
    </div>
  );
}

function ProgressRow({
  item,
  onRetry,
}: {
  item: BindingProgressItem;
  onRetry: (d: string) => void;
}) {
  const { deployment, attach, status } = item;
  const rowRef = useRef<HTMLLIElement>(null);
  const [retried, setRetried] = useState(false);
  // The Retry button stays (inert) while its retry runs, so focus stays on it; when it goes away
  // because the retry landed, focus that fell to the page moves to the row, which says "bound".
  const showRetry = retryable(status) || (retried && pending(status));
  useLayoutEffect(() => {
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (!showRetry && retried && lost) rowRef.current?.focus();
  }, [showRetry, retried]);
  const tone =
    status === 'done' ? 'text-success-fg' : retryable(status) ? 'text-danger-fg' : 'text-fg-muted';
  const verb = status === 'interrupted' ? 'Resume' : 'Retry';
  return (
    <li ref={rowRef} tabIndex={-1} className="flex flex-wrap items-center gap-2 text-sm">
      <span aria-hidden="true" className={tone}>
        {ICONS[status]}
      </span>
      <span className="font-medium">{deployment}</span>
      <span className={tone}>{describeProgress(item)}</span>
      {showRetry && (
        <Button
          aria-disabled={pending(status)}
          onClick={() => {
            if (pending(status)) return;
            setRetried(true);
            onRetry(deployment);
          }}
        >
          {attach ? `${verb} binding to ${deployment}` : `${verb} detaching from ${deployment}`}
        </Button>
      )}
    </li>
  );
}

function summary(items: readonly BindingProgressItem[]): string {
  const count = (...statuses: ProgressStatus[]) =>
    items.filter((item) => statuses.includes(item.status)).length;
  const parts = [
    `${count('done')} of ${items.length} done`,
    count('running', 'waiting') > 0 ? `${count('running', 'waiting')} in progress` : '',
    count('failed') > 0 ? `${count('failed')} need attention` : '',
    count('interrupted') > 0 ? `${count('interrupted')} interrupted` : '',
  ];
  return parts.filter(Boolean).join(', ') + '.';
}
