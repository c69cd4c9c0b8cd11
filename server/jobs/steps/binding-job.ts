import type { JobStep } from '../../../src/features/jobs/api/job-contract.ts';
import type { JobContext, JobOutcome, JobRecord } from '../job-types.ts';
import { applyBindingChange } from './binding-change.ts';
import { pendingPatchesOf, type PatchSlot, type PendingPatch } from './pending-patch.ts';
import { runStep } from './retrying.ts';
import type { StepOptions } from './step-options.ts';
import { bindingJobFailure, errorReason, stepFailure } from './step-words.ts';

/** What the deployment steps save: each step's state, and the PATCHes whose tasks may run on. */
export type DeploymentProgress = { steps: JobStep[]; pending: PendingPatch[] };

/**
 * Works through a job's deployments in order, one change each, skipping the ones already done:
 * a resumed job picks up where it stopped and a half-done one sends nothing twice. One
 * deployment failing does not stop the others; each says how it ended, saved as it ends, and a
 * PATCH's task ids are saved as soon as it answers, so a worker taking over waits for that PATCH
 * instead of sending it again. A step's pending PATCH is dropped once the step ends, except when
 * its tasks were still running: then Retry checks them again. `requires`: see BindingChange.
 */
export async function runDeploymentSteps(
  job: Pick<JobRecord, 'key_name' | 'steps'>,
  attach: boolean,
  start: readonly PendingPatch[],
  options: StepOptions,
  onProgress: (progress: DeploymentProgress) => Promise<void>,
  requires?: string,
): Promise<DeploymentProgress> {
  const steps = job.steps.map((step) => ({ ...step }));
  const open = (deployment: string) =>
    steps.some((step) => step.deployment === deployment && step.status !== 'done');
  let pending = start.filter((patch) => open(patch.deployment));
  const progress = () => ({ steps: steps.map((s) => ({ ...s })), pending: [...pending] });
  const drop = (deployment: string) => pending.filter((patch) => patch.deployment !== deployment);
  for (const [index, step] of steps.entries()) {
    if (step.status === 'done') continue;
    steps[index] = { ...step, status: 'running', message: null };
    await onProgress(progress());
    const slot: PatchSlot = {
      saved: () => pending.find((patch) => patch.deployment === step.deployment) ?? null,
      save: async (patch) => {
        pending = [...drop(patch.deployment), patch];
        await onProgress(progress());
      },
    };
    const change = { deployment: step.deployment, keyName: job.key_name, attach, requires };
    const result = await runStep(
      (deadline) => applyBindingChange(change, { ...options, deadline, slot }),
      options,
    );
    const reason = !result.ok
      ? errorReason(result.error)
      : result.value.status === 'done'
        ? null
        : result.value.reason;
    // A call that failed may have left tasks running as well: kept, like unfinished ones.
    if (result.ok && result.value.status !== 'unfinished') pending = drop(step.deployment);
    steps[index] =
      reason === null
        ? { ...step, status: 'done', message: null }
        : {
            ...step,
            status: 'failed',
            message: stepFailure(attach, job.key_name, step.deployment, reason),
          };
    await onProgress(progress());
  }
  return progress();
}

/** A bind or unbind job's `detail`: its pending PATCHes, or nothing at all. */
const bindingDetail = (pending: readonly PendingPatch[]) =>
  pending.length > 0 ? { pending_patches: pending } : null;

/** `bind` and `unbind`: done when every deployment's step is. */
export async function runBindingJob(
  job: JobRecord,
  context: JobContext,
  options: StepOptions,
): Promise<JobOutcome> {
  const attach = job.kind === 'bind';
  const { steps } = await runDeploymentSteps(
    job,
    attach,
    pendingPatchesOf(job.detail),
    options,
    (progress) =>
      context.report({
        steps: progress.steps,
        key_deleted: job.key_deleted,
        detail: bindingDetail(progress.pending),
      }),
  );
  const failed = steps.filter((step) => step.status === 'failed').map((step) => step.deployment);
  return failed.length === 0
    ? { state: 'done' }
    : { state: 'failed', failure: bindingJobFailure(attach, job.key_name, failed) };
}
