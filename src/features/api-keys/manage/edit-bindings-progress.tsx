import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { Button } from '../../../components/ui/button';
import { BindingProgressList } from '../../deployments/binding/binding-progress-list';
import { useJobs } from '../../jobs/api/use-jobs';
import { jobProgressItems } from '../../jobs/model/job-progress';
import { useJobRetry } from '../../jobs/use-job-retry';

/** One deployment's change for a key: bind (`attach: true`) or detach. */
export type KeyBindingChange = { deployment: string; attach: boolean };

export type BindingRun = {
  keyName: string;
  changes: readonly KeyBindingChange[];
  /** The jobs the server took so far (the bind job, then the unbind job). */
  jobIds: readonly string[];
  /** Why the server did not take a job; null when it took them (or has not answered yet). */
  startError: string | null;
  /** Posts again the jobs the server did not take (`posted`: the kinds it did). */
  retryStart: (posted: ('bind' | 'unbind')[]) => void;
};

type EditBindingsProgressProps = BindingRun & {
  projectId: number;
  /** Every change landed: the edit is saved. */
  onAllDone: () => void;
  onClose: () => void;
};

/**
 * The edit's deployment changes after the key's own change is saved: each deployment's step in
 * the server's jobs, with Retry where it did not land. The jobs were posted by the save and do
 * not depend on this view.
 */
export function EditBindingsProgress(props: EditBindingsProgressProps) {
  const { keyName, changes, jobIds, startError, retryStart, onAllDone, onClose } = props;
  const resume = useJobRetry();
  const jobs = useJobs(jobIds);
  const headingRef = useRef<HTMLParagraphElement>(null);
  const bindJob = jobs.find((job) => job?.kind === 'bind');
  const unbindJob = jobs.find((job) => job?.kind === 'unbind');
  const items = useMemo(() => {
    const of = (attach: boolean) =>
      changes.filter((c) => c.attach === attach).map((c) => c.deployment);
    return [
      ...jobProgressItems(bindJob, of(true), true, bindJob ? null : startError),
      ...jobProgressItems(unbindJob, of(false), false, unbindJob ? null : startError),
    ];
  }, [changes, bindJob, unbindJob, startError]);
  const settled = items.every((item) => item.status !== 'waiting' && item.status !== 'running');
  const allDone = items.every((item) => item.status === 'done');
  const retryError =
    [bindJob, unbindJob].map((job) => job && resume.errors.get(job.id)).find(Boolean) ?? null;
  const retry = (deployment: string) => {
    const attach = items.find((item) => item.deployment === deployment)?.attach;
    const job = attach ? bindJob : unbindJob;
    if (job) resume.retry(job.id);
    else
      retryStart([
        ...(bindJob ? ['bind' as const] : []),
        ...(unbindJob ? ['unbind' as const] : []),
      ]);
  };

  // The Save button this replaces had focus; the user lands on what happens now.
  useLayoutEffect(() => headingRef.current?.focus(), []);
  useEffect(() => {
    if (allDone) onAllDone();
  }, [allDone, onAllDone]);

  return (
    <div className="flex flex-col gap-4 text-sm">
      <p ref={headingRef} tabIndex={-1} className="font-medium focus:outline-none">
        The description is saved. Changing the deployments of {keyName} (attaching before
        detaching):
      </p>
      <BindingProgressList items={items} onRetry={retry} retryError={retryError} />
      {!settled && (
        <p className="text-fg-muted">
          You can close this dialog, or this page: the server goes on with the changes, and the list
          shows them until they end.
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
