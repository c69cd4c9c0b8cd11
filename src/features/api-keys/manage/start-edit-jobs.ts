import type { QueryClient } from '@tanstack/react-query';
import { describeError } from '../../../lib/describe-error';
import { postJob } from '../../jobs/api/post-job';

/** An edit's deployment changes for one key, as the server's jobs carry them out. */
export type EditMoves = {
  projectId: number;
  keyName: string;
  attach: readonly string[];
  detach: readonly string[];
};

export type EditJobsStarted = { jobIds: string[]; error: string | null };

/**
 * Posts the edit's jobs: the bind job before the unbind job, so the server takes the attaches
 * first and a key moved between deployments serves the new one before it leaves the old one. A
 * plain promise: the dialog may close meanwhile, the second job is posted all the same. `skip`
 * leaves out the kinds already posted (a retry of a start that failed).
 */
export async function startEditJobs(
  client: QueryClient,
  moves: EditMoves,
  skip: readonly ('bind' | 'unbind')[] = [],
): Promise<EditJobsStarted> {
  const { projectId, keyName } = moves;
  const jobIds: string[] = [];
  const plan = [
    { kind: 'bind' as const, deployments: moves.attach },
    { kind: 'unbind' as const, deployments: moves.detach },
  ];
  for (const { kind, deployments } of plan) {
    if (deployments.length === 0 || skip.includes(kind)) continue;
    try {
      const job = await postJob(client, {
        kind,
        project_id: projectId,
        key_name: keyName,
        deployments: [...deployments],
      });
      jobIds.push(job.id);
    } catch (error) {
      // The detach waits for the attach: nothing after a start that failed is posted.
      return { jobIds, error: describeError(error) };
    }
  }
  return { jobIds, error: null };
}
