import { useMemo } from 'react';
import type { Job } from '../../jobs/api/job-contract';
import { useProjectJobs } from '../../jobs/api/use-jobs';
import {
  detachAndDeleteView,
  type DetachAndDeleteView,
} from '../../jobs/model/detach-and-delete-view';
import { useJobRetry } from '../../jobs/use-job-retry';
import { useJobRun } from '../../jobs/use-job-run';

export type DetachAndDeleteInput = {
  projectId: number;
  keyName: string;
  /** When the key was made: an older job is about a deleted namesake. */
  createdAt: string;
  /** The key's deployments (`KeyRecord.deploymentRefs`), detached in this order. */
  deployments: readonly string[];
};

export type DetachAndDeleteRun = DetachAndDeleteView & {
  /** A job exists (or is being posted): the dialog shows its progress, not its confirmation. */
  started: boolean;
  start: () => void;
  /** Goes on from where the job stopped (does nothing unless it failed or was interrupted). */
  retry: () => void;
  /** Why the last Retry did not go through (refused, or the server unreachable); null if none. */
  retryError: string | null;
};

const unfinishedFor = (jobs: readonly Job[], input: DetachAndDeleteInput) =>
  jobs.find(
    (job) =>
      job.kind === 'detach-and-delete' &&
      job.key_name === input.keyName &&
      job.state !== 'done' &&
      job.state !== 'cancelled' &&
      !(Date.parse(job.created_at) < Date.parse(input.createdAt)),
  );

/**
 * "Detach and delete" as a job on the server: it goes on whatever happens to the dialog or the
 * tab. Reopened, the dialog finds the key's unfinished job in the project's list and shows it.
 */
export function useDetachAndDelete(input: DetachAndDeleteInput): DetachAndDeleteRun {
  const { projectId, keyName, deployments } = input;
  const resume = useJobRetry();
  const body = useMemo(
    () => ({
      kind: 'detach-and-delete' as const,
      project_id: projectId,
      key_name: keyName,
      deployments: [...deployments],
    }),
    [projectId, keyName, deployments],
  );
  const run = useJobRun(body);
  const earlier = unfinishedFor(useProjectJobs(projectId, true), input);
  const job = run.job ?? earlier;
  const view = detachAndDeleteView(job, keyName, deployments, run.startError);
  return {
    ...view,
    running: view.running || run.starting,
    started: job !== undefined || run.starting || run.startError !== null,
    start: () => {
      if (!job) run.begin();
    },
    retry: () => {
      if (run.job || run.startError) run.retry();
      else if (earlier && view.state.failure) resume.retry(earlier.id);
    },
    retryError: run.retryError ?? (earlier ? (resume.errors.get(earlier.id) ?? null) : null),
  };
}
