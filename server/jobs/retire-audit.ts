import type { JobRecord } from './job-types.ts';

/** What a person did to a rotation: started it, brought its retirement forward, or kept both keys. */
export type RotationAction = 'rotate' | 'retire' | 'keep';

/**
 * One audit line per rotation decision, in the gateway's shape (audit-line.ts): who, what, which
 * keys, when the old one retires. Names and ids only, never a token, secret or body.
 */
export function rotationAuditLine(input: {
  action: RotationAction;
  user: string;
  job: JobRecord;
  status: number;
  requestId: string;
  time: Date;
}): string {
  const { job } = input;
  return JSON.stringify({
    type: 'audit',
    time: input.time.toISOString(),
    user: input.user,
    action: input.action,
    project: String(job.project_id),
    key_name: job.key_name,
    key_id: job.rotation?.key_id ?? null,
    replaced_by: job.rotation?.replaced_by ?? null,
    retire_at: job.state === 'held' || job.state === 'cancelled' ? null : job.run_after,
    status: input.status,
    request_id: input.requestId,
  });
}
