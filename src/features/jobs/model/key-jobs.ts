import type { Job } from '../api/job-contract';
import { isActiveJob } from '../api/job-query-keys';

/**
 * Per key name, its latest job of each kind (the list comes newest first): an older failure a
 * later job of the same kind superseded says nothing any more.
 */
export function latestJobsByKey(jobs: readonly Job[]): ReadonlyMap<string, readonly Job[]> {
  const byKey = new Map<string, Job[]>();
  for (const job of jobs) {
    const mine = byKey.get(job.key_name) ?? [];
    if (mine.some((other) => other.kind === job.kind)) continue;
    byKey.set(job.key_name, [...mine, job]);
  }
  return byKey;
}

/**
 * What a row says while a job works on its key: "binding 1 of 2", "unbinding…",
 * "detaching…"; null for none (a deletion's last step, the DELETE, is the status's "deleting…").
 */
export function activeJobLabel(job: Job): string | null {
  if (!isActiveJob(job)) return null;
  const done = job.steps.filter((step) => step.status === 'done').length;
  switch (job.kind) {
    case 'bind':
      return `binding ${done} of ${job.steps.length}`;
    case 'unbind':
      return 'unbinding…';
    case 'detach-and-delete':
      return done < job.steps.length ? 'detaching…' : null;
    // A scheduled retirement is queued for hours: the row's rotation mark says where it stands.
    case 'retire':
      return null;
  }
}

/** The key is being detached and deleted right now. */
export const isDeleting = (jobs: readonly Job[]) =>
  jobs.some((job) => job.kind === 'detach-and-delete' && isActiveJob(job));

/** How a finished job went, for the list's polite announcement; null while it runs. */
export function jobEndSentence(job: Job): string | null {
  const what = {
    bind: `Binding ${job.key_name}`,
    unbind: `Detaching ${job.key_name}`,
    'detach-and-delete': `Deleting ${job.key_name}`,
    retire: `Retiring ${job.key_name}`,
  }[job.kind];
  switch (job.state) {
    case 'done':
      return `${what} finished.`;
    case 'failed':
      return `${what} failed.`;
    case 'interrupted':
      return `${what} was interrupted; resume it to finish.`;
    default:
      return null;
  }
}
