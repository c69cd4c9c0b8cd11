import type { Sql } from './database.ts';
import { JOB_COLUMNS, toJobRecord, type JobRow } from './job-row.ts';
import { firstRow, type Clock, type NewJob } from './job-store.ts';
import type { JobRecord } from './job-types.ts';

export type RetireVerdict =
  | { ok: true; job: JobRecord }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'not-waiting'; job: JobRecord };

/** Only a retirement that has not started can be brought forward or called off. */
const WAITING = new Set<JobRecord['state']>(['held', 'queued']);

/**
 * "Retire now" and "Keep" on a scheduled or held retirement, each in one transaction with the
 * row locked, so a worker's claim and a click never both win.
 */
export function retireStore(sql: Sql, clock: Clock) {
  const change = (id: string, set: string, values: unknown[]) =>
    sql.transaction(async (tx): Promise<RetireVerdict> => {
      const found = await tx.query<JobRow>(
        `SELECT ${JOB_COLUMNS} FROM jobs WHERE id = $1 FOR UPDATE`,
        [id],
      );
      const row = found.rows[0];
      if (!row) return { ok: false, reason: 'not-found' };
      const job = toJobRecord(row);
      if (job.kind !== 'retire' || !WAITING.has(job.state)) {
        return { ok: false, reason: 'not-waiting', job };
      }
      const updated = await tx.query<JobRow>(
        `UPDATE jobs SET ${set} WHERE id = $1 RETURNING ${JOB_COLUMNS}`,
        [id, ...values],
      );
      return { ok: true, job: toJobRecord(firstRow(updated.rows)) };
    });

  return {
    /** Due now; a personal one is held by `holder`, the worker that keeps the caller's token. */
    runNow(id: string, mode: NewJob['token_mode'], holder?: NewJob['holder']) {
      const now = clock();
      const until = holder ? new Date(now.getTime() + holder.leaseMs) : null;
      return change(
        id,
        `state = 'queued', run_after = $2, token_mode = $3, lease_owner = $4, lease_until = $5,
         updated_at = $2`,
        [now, mode, holder?.workerId ?? null, until],
      );
    },

    /** Called off: both keys stay; a worker holding its token lets go at its next renewal. */
    cancel(id: string) {
      return change(
        id,
        `state = 'cancelled', finished_at = $2, updated_at = $2, lease_owner = NULL,
         lease_until = NULL`,
        [clock()],
      );
    },
  };
}

export type RetireStore = ReturnType<typeof retireStore>;
