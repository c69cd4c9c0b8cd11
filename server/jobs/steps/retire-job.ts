import type { JobContext, JobOutcome, JobRecord } from '../job-types.ts';
import { runDetachAndDeleteJob } from './detach-and-delete-job.ts';
import { afterJobVerdict } from './retire-after-job.ts';
import { runV2Retirement } from './retire-v2.ts';
import { NO_ROTATION } from './retire-words.ts';
import type { StepOptions } from './step-options.ts';

/**
 * A rotation's old key, retired once the new key's bindings are done. v3 (no `key_id`): a
 * detach and delete that never removes the old key from a deployment the new key is not in.
 * v2: the new key must unlock every instance, then the old key is deleted.
 */
export async function runRetireJob(
  job: JobRecord,
  context: JobContext,
  options: StepOptions,
): Promise<JobOutcome> {
  const rotation = job.rotation;
  if (!rotation) return { state: 'failed', failure: NO_ROTATION };
  const waiting = await afterJobVerdict(job, rotation, context, options);
  if (waiting) return waiting;
  if (rotation.key_id === null) {
    return runDetachAndDeleteJob(job, context, options, rotation.replaced_by);
  }
  if (rotation.replaced_by_id === null) return { state: 'failed', failure: NO_ROTATION };
  const retirement = {
    keyId: rotation.key_id,
    replacedBy: rotation.replaced_by,
    replacedById: rotation.replaced_by_id,
  };
  return runV2Retirement(job, retirement, context, options);
}
