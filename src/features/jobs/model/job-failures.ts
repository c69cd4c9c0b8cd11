import type { Job } from '../api/job-contract';
import { isActiveJob } from '../api/job-query-keys';

/** What did not land: one deployment's bind or detach, or a key's "Detach and delete". */
export type FailedWork =
  | { kind: 'bind' | 'detach'; deployment: string }
  /** Stopped at detaching from `deployment`, or (null) at the final DELETE. */
  | { kind: 'delete'; deployment: string | null };

/** A job's work that ended without landing, as the notices, the rows and the details say it. */
export type BindingFailure = FailedWork & {
  /** One per job and deployment (per job, for a deletion). */
  id: string;
  jobId: string;
  /** When its job was started: a failure older than the key is about a deleted namesake. */
  startedAt: string;
  projectId: number;
  keyName: string;
  /** Why, in words: the API's task error, a give-up, the DELETE's answer, a restart. */
  message: string;
  /** The server restarted while it ran: nothing failed, it waits to be resumed. */
  interrupted: boolean;
  /** A retry is running: the notice says so instead of offering Retry again. */
  retrying: boolean;
  /** The person closed its notice; the list keeps marking the key until a retry lands. */
  noticeDismissed: boolean;
  /** Why the last Retry pressed for it did not go through (refused, unreachable); null if none. */
  retryError: string | null;
};

export type FailureMarks = { retried: readonly string[]; dismissed: readonly string[] };

const STOPPED = 'The job stopped.';

/**
 * The failures of one job: none while it runs or once it landed, unless a retry from here is
 * under way (then its notice stays, saying "Retrying…"). A bind or unbind fails per deployment;
 * a detach-and-delete once, at the deployment it stopped at or at the DELETE.
 */
export function jobFailures(job: Job, marks: FailureMarks): BindingFailure[] {
  const retrying = isActiveJob(job) && marks.retried.includes(job.id);
  if (job.state !== 'failed' && job.state !== 'interrupted' && !retrying) return [];
  const base = {
    jobId: job.id,
    startedAt: job.created_at,
    projectId: job.project_id,
    keyName: job.key_name,
    interrupted: job.state === 'interrupted',
    retrying,
    noticeDismissed: marks.dismissed.includes(job.id),
    retryError: null,
  };
  const notDone = job.steps.filter((step) => step.status !== 'done');
  if (job.kind === 'detach-and-delete' || job.kind === 'retire') {
    const at = notDone[0];
    return [
      {
        ...base,
        id: `${job.id}/delete`,
        kind: 'delete',
        deployment: at?.deployment ?? null,
        message: at?.message ?? job.failure ?? STOPPED,
      },
    ];
  }
  const kind = job.kind === 'bind' ? 'bind' : 'detach';
  // A job that failed as a whole (no step to blame) speaks for every deployment it had.
  const blamed = notDone.length > 0 ? notDone : job.steps;
  return blamed.map((step) => ({
    ...base,
    id: `${job.id}/${step.deployment}`,
    kind,
    deployment: step.deployment,
    message: step.message ?? job.failure ?? STOPPED,
  }));
}

/** The jobs behind some failures, binds first: a key being moved never serves neither side. */
export function jobIdsOf(failures: readonly BindingFailure[], ids: readonly string[]): string[] {
  const chosen = failures.filter((failure) => ids.includes(failure.id));
  const order = (failure: BindingFailure) => ['bind', 'detach', 'delete'].indexOf(failure.kind);
  return [...new Set([...chosen].sort((a, b) => order(a) - order(b)).map((f) => f.jobId))];
}

/** Only the failures of jobs started since the key was made, never a deleted namesake's. */
export function failuresSince(
  failures: readonly BindingFailure[],
  createdAt: string,
): readonly BindingFailure[] {
  const since = Date.parse(createdAt);
  if (Number.isNaN(since)) return failures;
  const current = failures.filter((failure) => !(Date.parse(failure.startedAt) < since));
  return current.length === failures.length ? failures : current;
}
