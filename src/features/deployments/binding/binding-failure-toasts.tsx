import { useCallback, useRef } from 'react';
import { focusInsteadOf } from '../../../lib/lost-focus';
import type { BindingFailure } from '../../jobs/model/job-failures';
import { BindingFailureToast } from './binding-failure-toast';
import type { BindingFailures } from './use-binding-failures';

/**
 * The failures whose notice is still open, one toast per key and kind, bottom right
 * (bottom, full width, on a phone). They sit after the page in the tab order; focus that leaves
 * with a toast goes to another toast, else back to where it came from, else (that left too, with
 * its key's row) where the list hands on a lost row's focus.
 */
export function BindingFailureToasts({ failures, retry, dismiss }: BindingFailures) {
  const containerRef = useRef<HTMLElement>(null);
  const cameFrom = useRef<HTMLElement | null>(null);
  const groups = groupByKey(failures.filter((failure) => !failure.noticeDismissed));
  const handBackFocus = useCallback(() => {
    const other = [...(containerRef.current?.querySelectorAll('button') ?? [])].find(
      (button) => !button.closest('[role="alert"]')?.contains(document.activeElement),
    );
    const back = cameFrom.current;
    if (other) other.focus();
    else if (back?.isConnected) back.focus();
    else focusInsteadOf(back);
  }, []);
  return (
    <section
      ref={containerRef}
      aria-label="Binding and deleting problems"
      onFocus={(event) => {
        const from = event.relatedTarget;
        if (from instanceof HTMLElement && !event.currentTarget.contains(from)) {
          cameFrom.current = from;
        }
      }}
      className="fixed inset-x-3 bottom-3 z-40 flex max-h-[60dvh] flex-col gap-2 overflow-y-auto sm:inset-x-auto sm:right-4 sm:bottom-4 sm:w-[26rem]"
    >
      {groups.map(([groupKey, group]) => (
        <BindingFailureToast
          key={groupKey}
          failures={group}
          onRetry={() => retry(group.map((failure) => failure.id))}
          onDismiss={() => dismiss(group.map((failure) => failure.id))}
          onFocusLost={handBackFocus}
        />
      ))}
    </section>
  );
}

function groupByKey(failures: readonly BindingFailure[]): [string, BindingFailure[]][] {
  const groups = new Map<string, BindingFailure[]>();
  for (const failure of failures) {
    const group = `${failure.projectId}/${failure.keyName}/${failure.kind}`;
    groups.set(group, [...(groups.get(group) ?? []), failure]);
  }
  return [...groups.entries()];
}
