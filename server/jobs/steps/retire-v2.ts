import type { JobStep } from '../../../src/features/jobs/api/job-contract.ts';
import type { JobContext, JobOutcome, JobRecord } from '../job-types.ts';
import { GaveUpError, runStep } from './retrying.ts';
import { v2NotUnlocked, v2ReplacementUnreadable } from './retire-words.ts';
import type { StepOptions } from './step-options.ts';
import { deleteFailure } from './step-words.ts';

export type V2Retirement = { keyId: string; replacedBy: string; replacedById: string };

/**
 * v2 binds a key at its creation (`inference_instance_ids`): nothing to detach. The new key is
 * read first and must unlock every instance the old one did (each step says whether it does);
 * only then is the old key deleted by UUID, a 404 counting as already gone.
 */
export async function runV2Retirement(
  job: JobRecord,
  retirement: V2Retirement,
  context: JobContext,
  options: StepOptions,
): Promise<JobOutcome> {
  if (job.key_deleted) return { state: 'done' };
  const { calls } = options;
  const detail = job.detail;
  const read = await runStep(() => calls.getKeyV2(retirement.replacedById), options);
  if (!read.ok) {
    const failure = v2ReplacementUnreadable(job.key_name, retirement.replacedBy, read.error);
    return { state: 'failed', failure };
  }
  const unlocked = new Set(read.value.inference_instance_ids);
  const steps = job.steps.map((step): JobStep =>
    unlocked.has(step.deployment)
      ? { ...step, status: 'done', message: null }
      : {
          ...step,
          status: 'failed',
          message: v2NotUnlocked(job.key_name, retirement.replacedBy, step.deployment),
        },
  );
  await context.report({ steps, key_deleted: false, detail });
  const missing = steps.find((step) => step.status === 'failed');
  if (missing?.message) return { state: 'failed', failure: missing.message };
  const deleted = await runStep(() => calls.deleteKeyV2(retirement.keyId), options);
  if (!deleted.ok) {
    const error = deleted.error instanceof GaveUpError ? deleted.error.last : deleted.error;
    const gaveUp = deleted.error instanceof GaveUpError;
    return { state: 'failed', failure: deleteFailure(job.key_name, error, gaveUp) };
  }
  await context.report({ steps, key_deleted: true, detail });
  return { state: 'done' };
}
