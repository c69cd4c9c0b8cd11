import type { Job, JobStep, StartAnyJobInput } from '../features/jobs/api/job-contract';

/**
 * What the fake jobs service (jobs-fake-service.ts) does to a job, one function a change: the
 * answers the server gives, and the moves a test makes in the worker's place.
 */

const conflict = (exceptionClass: string, message: string) =>
  Response.json(
    { exception_class: exceptionClass, message, request_id: 'rq-409' },
    { status: 409 },
  );

/**
 * A posted job as the service files it: a `retire` job queued until its `run_after`, or held
 * when it has none; any other kind queued at once, whatever `run_after` it was sent.
 */
export function startedJob(input: StartAnyJobInput, id: string, at: string): Job {
  const retire = input.kind === 'retire' ? input : null;
  return {
    id,
    kind: input.kind,
    state: retire?.run_after === null ? 'held' : 'queued',
    project_id: input.project_id,
    key_name: input.key_name,
    rotation: retire && {
      replaced_by: retire.replaced_by,
      key_id: retire.key_id,
      replaced_by_id: retire.replaced_by_id,
      after_job: retire.after_job,
    },
    steps: input.deployments.map((deployment) => ({
      deployment,
      status: 'pending',
      message: null,
    })),
    key_deleted: false,
    failure: null,
    started_by: 'shared token',
    created_at: at,
    updated_at: at,
    run_after: retire ? retire.run_after : null,
  };
}

/** `/retry`: a failed or interrupted job back in the queue, its steps not done pending again. */
export function resumeJob(job: Job): Partial<Job> | Response {
  if (job.state !== 'failed' && job.state !== 'interrupted') {
    const message = `This job is ${job.state}: only a failed or interrupted job can be resumed.`;
    return conflict('JobNotResumable', message);
  }
  const steps = job.steps.map((s) =>
    s.status === 'done' ? s : { ...s, status: 'pending' as const, message: null },
  );
  return { state: 'queued', failure: null, steps };
}

/** What `run-now` or `cancel` changes of a retirement, or the server's refusal (409). */
export function decideRetire(
  job: Job,
  action: 'run-now' | 'cancel',
  at: string,
): Partial<Job> | Response {
  const open = job.kind === 'retire' && (job.state === 'queued' || job.state === 'held');
  if (!open) {
    const message = `This job is ${job.state}: only a scheduled or held retirement can change.`;
    return conflict('JobNotSchedulable', message);
  }
  return action === 'run-now' ? { state: 'queued', run_after: at } : { state: 'cancelled' };
}

/** One deployment's step moves; the job runs while any step is left. */
export function stepped(
  job: Job,
  deployment: string,
  status: JobStep['status'],
  message: string | null,
): Partial<Job> {
  const steps = job.steps.map((s) => (s.deployment === deployment ? { ...s, status, message } : s));
  return { state: 'running', steps };
}

export function finished(job: Job): Partial<Job> {
  const steps = job.steps.map((s) => ({ ...s, status: 'done' as const, message: null }));
  return { state: 'done', steps, key_deleted: job.kind === 'detach-and-delete' };
}

/** Failed, at `deployment`'s step when given (the steps before it done). */
export function failed(job: Job, failure: string, deployment?: string): Partial<Job> {
  const at = job.steps.findIndex((s) => s.deployment === deployment);
  const steps = job.steps.map((s, index): JobStep =>
    index === at
      ? { ...s, status: 'failed', message: failure }
      : index < at
        ? { ...s, status: 'done' }
        : s,
  );
  return { state: 'failed', failure, steps };
}

export const interrupted: Partial<Job> = {
  state: 'interrupted',
  failure:
    'The server restarted while this job was running; resume it to finish with your own sign-in.',
};
