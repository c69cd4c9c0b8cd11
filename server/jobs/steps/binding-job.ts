import type { JobStep } from '../../../src/features/jobs/api/job-contract.ts';
import type { JobContext, JobOutcome, JobRecord } from '../job-types.ts';
import { applyBindingChange } from './binding-change.ts';
import { runStep } from './retrying.ts';
import type { StepOptions } from './step-options.ts';
import { bindingJobFailure, errorReason, stepFailure } from './step-words.ts';

/**
 * Works through a job's deployments in order, one change each, skipping the ones already done:
 * a resumed job picks up where it stopped and a half-done one sends nothing twice. One
 * deployment failing does not stop the others; each says how it ended, saved as it ends, so a
 * worker that dies loses at most the step it was on (which re-reads before it writes).
 */
export async function runDeploymentSteps(
  job: JobRecord,
  attach: boolean,
  options: StepOptions,
  onProgress: (steps: JobStep[]) => Promise<void>,
): Promise<JobStep[]> {
  const steps = job.steps.map((step) => ({ ...step }));
  for (const [index, step] of steps.entries()) {
    if (step.status === 'done') continue;
    steps[index] = { ...step, status: 'running', message: null };
    await onProgress(steps.map((s) => ({ ...s })));
    const change = { deployment: step.deployment, keyName: job.key_name, attach };
    const result = await runStep(
      (deadline) => applyBindingChange(change, { ...options, deadline }),
      options,
    );
    const reason = !result.ok
      ? errorReason(result.error)
      : result.value.status === 'failed'
        ? result.value.reason
        : null;
    steps[index] =
      reason === null
        ? { ...step, status: 'done', message: null }
        : {
            ...step,
            status: 'failed',
            message: stepFailure(attach, job.key_name, step.deployment, reason),
          };
    await onProgress(steps.map((s) => ({ ...s })));
  }
  return steps;
}

/** `bind` and `unbind`: done when every deployment's step is. */
export async function runBindingJob(
  job: JobRecord,
  context: JobContext,
  options: StepOptions,
): Promise<JobOutcome> {
  const attach = job.kind === 'bind';
  const steps = await runDeploymentSteps(job, attach, options, (progress) =>
    context.report({ steps: progress, key_deleted: job.key_deleted, detail: job.detail }),
  );
  const failed = steps.filter((step) => step.status === 'failed').map((step) => step.deployment);
  return failed.length === 0
    ? { state: 'done' }
    : { state: 'failed', failure: bindingJobFailure(attach, job.key_name, failed) };
}
