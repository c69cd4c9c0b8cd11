import type { ChangedJob } from './job-leases.ts';

/**
 * One line per state change: which job, what it does to which key, who started it. Never a
 * token: the record it is made from has none, and these are the only fields it copies.
 */
export function jobLogLine(job: ChangedJob & { failure?: string | null }, now: Date): string {
  return JSON.stringify({
    type: 'job',
    time: now.toISOString(),
    id: job.id,
    kind: job.kind,
    state: job.state,
    project: job.project_id,
    key_name: job.key_name,
    started_by: job.started_by,
    ...(job.failure ? { failure: job.failure } : {}),
  });
}
