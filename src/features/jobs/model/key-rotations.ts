import { formatRelative } from '../../../lib/format-relative';
import type { Job } from '../api/job-contract';

/** A retirement still to come or under way: the pair the list shows. */
const isOpenRetirement = (job: Job) =>
  job.kind === 'retire' &&
  job.rotation !== null &&
  (job.state === 'queued' || job.state === 'held' || job.state === 'running');

/**
 * Per old key, its open retirement (the list comes newest first): by UUID where the generation
 * names keys so (v2), else by name, which is what the row's key id is on v3.
 */
export function openRetirements(jobs: readonly Job[]): ReadonlyMap<string, Job> {
  const byKey = new Map<string, Job>();
  for (const job of jobs) {
    if (!isOpenRetirement(job)) continue;
    const keyId = job.rotation?.key_id ?? job.key_name;
    if (!byKey.has(keyId)) byKey.set(keyId, job);
  }
  return byKey;
}

/**
 * "retires in 23 hours", "you retire it", "retiring…": what the old key's row says after
 * "replaced by …", at `now` (the page's clock re-renders it).
 */
export function retirementWords(job: Job, now: Date): string {
  if (job.state === 'running') return 'retiring…';
  if (job.state === 'held' || job.run_after === null) return 'you retire it';
  const at = new Date(job.run_after);
  // Due, waiting for a worker or for the new key's bindings.
  if (at.getTime() <= now.getTime()) return 'retiring…';
  return `retires ${formatRelative(at, now)}`;
}

/** Scheduled for later: nothing moves until then, so nobody needs to poll it closely. */
export const waitsForLater = (job: Job, now: number) =>
  job.state === 'held' ||
  (job.state === 'queued' && job.run_after !== null && Date.parse(job.run_after) > now);
