import { useEffect, useLayoutEffect, useRef } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import type { KeyBindingChange } from '../../deployments/binding/use-binding-jobs';
import { useBindingChangeJobs } from '../../deployments/binding/use-binding-jobs';
import { BindingProgressList } from '../../deployments/binding/binding-progress-list';

export type BindingRun = { keyName: string; changes: readonly KeyBindingChange[] };

type EditBindingsProgressProps = BindingRun & {
  projectId: number;
  /** Every change landed: the edit is saved. */
  onAllDone: () => void;
  onClose: () => void;
};

/**
 * The edit's deployment changes after the key's own change is saved: each deployment's job, with
 * Retry where it did not land. The jobs were started by the save and do not depend on this view.
 */
export function EditBindingsProgress(props: EditBindingsProgressProps) {
  const { projectId, keyName, changes, onAllDone, onClose } = props;
  const jobs = useBindingChangeJobs({ projectId, keyName, changes });
  const headingRef = useRef<HTMLParagraphElement>(null);
  const allDone = jobs.settled && jobs.items.every((item) => item.state.status === 'done');
  const overridden = jobs.items
    .filter((item) => item.state.status === 'overridden')
    .map((item) => item.deployment);

  // The Save button this replaces had focus; the user lands on what happens now.
  useLayoutEffect(() => headingRef.current?.focus(), []);
  useEffect(() => {
    if (allDone) onAllDone();
  }, [allDone, onAllDone]);

  return (
    <div className="flex flex-col gap-4 text-sm">
      <p ref={headingRef} tabIndex={-1} className="font-medium focus:outline-none">
        The description is saved. Changing the deployments of {keyName}, one after another
        (attaching before detaching):
      </p>
      <BindingProgressList items={jobs.items} onRetry={jobs.retry} />
      {overridden.length > 0 && (
        <Alert>
          <p>
            Someone else changed {overridden.join(', ')} at the same time, and their change won: the
            key is not where you asked. The API has no way to lock a deployment while it is edited,
            so the last writer wins. Retry applies your change again on top of theirs.
          </p>
        </Alert>
      )}
      {!jobs.settled && (
        <p className="text-fg-muted">
          You can close this dialog: the changes go on, and the list marks them as pending until
          they end.
        </p>
      )}
      <div className="flex justify-end">
        <Button variant="primary" onClick={onClose}>
          Close
        </Button>
      </div>
    </div>
  );
}
