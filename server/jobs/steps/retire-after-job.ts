import type { Rotation } from '../../../src/features/jobs/api/job-contract.ts';
import type { JobContext, JobOutcome, JobRecord } from '../job-types.ts';
import type { StepOptions } from './step-options.ts';
import { bindingsIncomplete } from './retire-words.ts';

/** How soon a retirement asks again about a bind job still under way. */
export const AFTER_JOB_RECHECK_MS = 5_000;

/**
 * Whether a retirement may go on: undefined when the new key's bind job is done (or there is
 * none, or it is long gone); postponed while it is queued or running, without burning an
 * attempt; failed, saying what to do, when it ended any other way, so the old key stays.
 */
export async function afterJobVerdict(
  job: Pick<JobRecord, 'key_name'>,
  rotation: Rotation,
  context: Pick<JobContext, 'jobState'>,
  options: Pick<StepOptions, 'clock'>,
): Promise<JobOutcome | undefined> {
  if (rotation.after_job === null) return undefined;
  const state = await context.jobState(rotation.after_job);
  if (state === undefined || state === 'done') return undefined;
  if (state === 'queued' || state === 'running' || state === 'held') {
    return { state: 'postponed', until: new Date(options.clock.now() + AFTER_JOB_RECHECK_MS) };
  }
  return {
    state: 'failed',
    failure: bindingsIncomplete(job.key_name, rotation.replaced_by, state),
  };
}
