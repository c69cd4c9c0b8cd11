import type { Job, StartRetireInput } from '../features/jobs/api/job-contract';

const conflict = (exceptionClass: string, message: string) =>
  Response.json(
    { exception_class: exceptionClass, message, request_id: 'rq-409' },
    { status: 409 },
  );

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

/**
 * The retirement half of the fake jobs service: a posted `retire` job is queued until its
 * `run_after`, or held when it has none; `run-now` queues it at once, `cancel` calls it off.
 */
export function retireJob(input: StartRetireInput, id: string, at: string): Job {
  return {
    id,
    kind: 'retire',
    state: input.run_after === null ? 'held' : 'queued',
    project_id: input.project_id,
    key_name: input.key_name,
    rotation: {
      replaced_by: input.replaced_by,
      key_id: input.key_id,
      replaced_by_id: input.replaced_by_id,
      after_job: input.after_job,
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
    run_after: input.run_after,
  };
}

/** What `run-now` or `cancel` changes of a job, or the server's refusal (409). */
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
