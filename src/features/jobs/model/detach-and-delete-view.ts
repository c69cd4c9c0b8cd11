import type { Job } from '../api/job-contract';
import { isActiveJob } from '../api/job-query-keys';

/** Where a detach-and-delete stands, from its job on the server; a Retry goes on from here. */
export type DetachAndDeleteState = {
  keyName: string;
  /** Detached so far, in order. */
  detached: string[];
  /** Still attached (as far as the job knows), in the order they are tried. */
  remaining: string[];
  keyDeleted: boolean;
  /** Where and why it stopped: at a deployment, or (null) at the DELETE or before starting. */
  failure: { deployment: string | null; message: string; interrupted: boolean } | null;
};

export type DetachAndDeleteView = {
  state: DetachAndDeleteState;
  /** The deployment being detached now; null when idle, deleting, or finished. */
  current: string | null;
  running: boolean;
};

/** The job's steps as the dialog shows them; before the job exists, every deployment attached. */
export function detachAndDeleteView(
  job: Job | undefined,
  keyName: string,
  deployments: readonly string[],
  startError: string | null,
): DetachAndDeleteView {
  if (!job) {
    const failure = startError
      ? { deployment: null, message: `The job did not start: ${startError}`, interrupted: false }
      : null;
    const state = {
      keyName,
      detached: [],
      remaining: [...deployments],
      keyDeleted: false,
      failure,
    };
    return { state, current: null, running: false };
  }
  const done = job.steps.filter((step) => step.status === 'done');
  const notDone = job.steps.filter((step) => step.status !== 'done');
  const stopped = job.state === 'failed' || job.state === 'interrupted';
  const at = notDone.find((step) => step.status === 'failed') ?? notDone[0];
  const state: DetachAndDeleteState = {
    keyName,
    detached: done.map((step) => step.deployment),
    remaining: notDone.map((step) => step.deployment),
    keyDeleted: job.key_deleted,
    failure: stopped
      ? {
          deployment: at?.deployment ?? null,
          message: at?.message ?? job.failure ?? 'The job stopped.',
          interrupted: job.state === 'interrupted',
        }
      : null,
  };
  const running = isActiveJob(job);
  const current = running
    ? (notDone.find((step) => step.status === 'running') ?? notDone[0])
    : null;
  return { state, current: current?.deployment ?? null, running };
}
