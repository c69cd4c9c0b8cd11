import * as z from 'zod/mini';
import type { JobStep } from '../../../src/features/jobs/api/job-contract.ts';
import { isGatewayCallError } from '../gateway-call-error.ts';
import type { JobContext, JobOutcome, JobRecord } from '../job-types.ts';
import { runDeploymentSteps } from './binding-job.ts';
import { pendingPatchesSchema, type PendingPatch } from './pending-patch.ts';
import { GaveUpError, runStep } from './retrying.ts';
import type { StepOptions } from './step-options.ts';
import { deleteFailure, detachStoppedDelete, errorReason } from './step-words.ts';

/**
 * Where a detach-and-delete stands beyond its steps, saved in the job's `detail`. `delete_sent`:
 * a DELETE may have landed already, so a 404 on resume is our own delete, not someone else's.
 * `already_gone`: someone else deleted the key first. `pending_patches`: detaches whose tasks
 * may still be running (pending-patch.ts).
 */
export const detachAndDeleteDetailSchema = z.object({
  phase: z.enum(['detaching', 'deleting', 'deleted']),
  delete_sent: z.boolean(),
  already_gone: z.boolean(),
  pending_patches: z.optional(pendingPatchesSchema),
});
export type DetachAndDeleteDetail = z.infer<typeof detachAndDeleteDetailSchema>;

const START: DetachAndDeleteDetail = {
  phase: 'detaching',
  delete_sent: false,
  already_gone: false,
};
/** Each 409 means someone attached the key again meanwhile; past this many, a person decides. */
const MOST_CONFLICTS = 3;

/**
 * Detaches the key from each deployment, then deletes it; never deletes while a detach failed
 * (the API would refuse anyway, and the job would claim a deletion that did not happen). A 409 on
 * the delete means the key was attached again meanwhile: the job asks where, detaches it there
 * and deletes again. `keep`: a retirement's new key; a deployment it is not in keeps the old one
 * (BindingChange's `requires`), and then nothing is deleted.
 */
export async function runDetachAndDeleteJob(
  job: JobRecord,
  context: JobContext,
  options: StepOptions,
  keep?: string,
): Promise<JobOutcome> {
  const keyName = job.key_name;
  const parsed = detachAndDeleteDetailSchema.safeParse(job.detail);
  let detail = parsed.success ? parsed.data : START;
  let steps = job.steps;
  let keyDeleted = job.key_deleted;
  const report = () => context.report({ steps, key_deleted: keyDeleted, detail });
  const failed = (failure: string): JobOutcome => ({ state: 'failed', failure });
  if (keyDeleted) return { state: 'done' };

  for (let conflicts = 0; ; conflicts += 1) {
    if (detail.phase === 'detaching') {
      const detached = await runDeploymentSteps(
        { key_name: keyName, steps },
        false,
        detail.pending_patches ?? [],
        options,
        (progress) => {
          steps = progress.steps;
          detail = withPending(detail, progress.pending);
          return report();
        },
        keep,
      );
      steps = detached.steps;
      detail = withPending(detail, detached.pending);
      const stuck = steps.filter((step) => step.status !== 'done').map((step) => step.deployment);
      if (stuck.length > 0) return failed(detachStoppedDelete(keyName, stuck));
      detail = { ...detail, phase: 'deleting' };
    }
    const deleted = await runStep(async () => {
      const sentBefore = detail.delete_sent;
      if (!sentBefore) {
        detail = { ...detail, delete_sent: true };
        await report();
      }
      const result = await options.calls.deleteKey(keyName);
      return { result, sentBefore };
    }, options);
    if (deleted.ok) {
      keyDeleted = true;
      const { result, sentBefore } = deleted.value;
      detail = {
        ...detail,
        phase: 'deleted',
        already_gone: result === 'already-gone' && !sentBefore,
      };
      await report();
      return { state: 'done' };
    }
    const error = deleted.error instanceof GaveUpError ? deleted.error.last : deleted.error;
    const conflict = isGatewayCallError(error) && error.status === 409;
    if (!conflict || conflicts >= MOST_CONFLICTS) {
      await report();
      return failed(deleteFailure(keyName, error, deleted.error instanceof GaveUpError));
    }
    const attached = await runStep(() => options.calls.keyDeployments(keyName), options);
    if (!attached.ok) {
      const reason = errorReason(attached.error);
      return failed(
        `Could not re-read where ${keyName} is attached, so it was not deleted. ${reason}`,
      );
    }
    steps = stepsAgain(steps, attached.value);
    detail = { ...detail, phase: 'detaching' };
    await report();
  }
}

/** The detail with these pending PATCHes; without the field when there are none. */
const withPending = (
  detail: DetachAndDeleteDetail,
  pending: readonly PendingPatch[],
): DetachAndDeleteDetail => ({
  ...detail,
  pending_patches: pending.length > 0 ? [...pending] : undefined,
});

/** The deployments the key is attached to now: pending again, the unseen ones added last. */
function stepsAgain(steps: readonly JobStep[], attached: readonly string[]): JobStep[] {
  const known = new Set(steps.map((step) => step.deployment));
  const again = steps.map((step): JobStep =>
    attached.includes(step.deployment) ? { ...step, status: 'pending', message: null } : step,
  );
  const unseen = attached.filter((name) => !known.has(name));
  return [
    ...again,
    ...unseen.map((deployment): JobStep => ({ deployment, status: 'pending', message: null })),
  ];
}
