import type {
  Rotation,
  StartAnyJobInput,
  StartRetireInput,
} from '../../src/features/jobs/api/job-contract.ts';
import type { Sql } from './database.ts';
import { JOB_COLUMNS, toJobRecord, type JobRow } from './job-row.ts';
import type { JobRecord } from './job-types.ts';

export type Clock = () => Date;

/** The page's list: everything still open, and what finished within this window. */
export const RECENT_MS = 24 * 60 * 60 * 1000;
export const LIST_LIMIT = 200;
const FINISHED = ['done', 'failed', 'cancelled'];

export type NewJob = StartAnyJobInput & {
  /** Chosen by the caller, so a personal job's token is held before any worker can claim it. */
  id?: string;
  started_by: string;
  token_mode: JobRecord['token_mode'];
  /** The worker that holds a personal job's token; it alone may claim it. */
  holder?: { workerId: string; leaseMs: number };
};

export type RetryVerdict =
  | { ok: true; job: JobRecord }
  | { ok: false; reason: 'not-found' | 'not-retryable'; state?: JobRecord['state'] };

/** The jobs the page starts, reads and resumes; the workers' side is in job-leases.ts. */
export function jobStore(sql: Sql, clock: Clock) {
  const leaseUntil = (holder: NewJob['holder']) =>
    holder ? new Date(clock().getTime() + holder.leaseMs) : null;
  return {
    async create(input: NewJob): Promise<JobRecord> {
      const now = clock();
      const steps = input.deployments.map((deployment) => ({
        deployment,
        status: 'pending',
        message: null,
      }));
      // A retirement without a time waits for "Retire now"; every other job is due at run_after.
      const held = input.kind === 'retire' && input.run_after === null;
      const result = await sql.query<JobRow>(
        `INSERT INTO jobs (id, kind, state, project_id, key_name, steps, started_by, token_mode,
           run_after, lease_owner, lease_until, created_at, updated_at, rotation)
         VALUES (COALESCE($11::uuid, gen_random_uuid()), $1, $12, $2, $3, $4, $5, $6, $7, $8, $9,
           $10, $10, $13)
         RETURNING ${JOB_COLUMNS}`,
        [
          input.kind,
          input.project_id,
          input.key_name,
          JSON.stringify(steps),
          input.started_by,
          input.token_mode,
          input.run_after ? new Date(input.run_after) : null,
          input.holder?.workerId ?? null,
          leaseUntil(input.holder),
          now,
          input.id ?? null,
          held ? 'held' : 'queued',
          input.kind === 'retire' ? JSON.stringify(rotationOf(input)) : null,
        ],
      );
      return toJobRecord(firstRow(result.rows));
    },

    async get(id: string): Promise<JobRecord | undefined> {
      const result = await sql.query<JobRow>(`SELECT ${JOB_COLUMNS} FROM jobs WHERE id = $1`, [id]);
      return result.rows[0] && toJobRecord(result.rows[0]);
    },

    /** Every open job of the project, and those finished in the last 24 h; newest first. */
    async list(projectId: number): Promise<JobRecord[]> {
      const since = new Date(clock().getTime() - RECENT_MS);
      const result = await sql.query<JobRow>(
        `SELECT ${JOB_COLUMNS} FROM jobs
         WHERE project_id = $1 AND (state <> ALL($2::text[]) OR updated_at >= $3)
         ORDER BY created_at DESC, id LIMIT $4`,
        [projectId, FINISHED, since, LIST_LIMIT],
      );
      return result.rows.map(toJobRecord);
    },

    /**
     * A failed or interrupted job back in the queue, its failed steps pending again and its
     * done steps kept, so it resumes where it stopped. A personal retry is held by `holder`.
     */
    retry(id: string, mode: NewJob['token_mode'], holder?: NewJob['holder']) {
      return sql.transaction(async (tx): Promise<RetryVerdict> => {
        const found = await tx.query<JobRow>(
          `SELECT ${JOB_COLUMNS} FROM jobs WHERE id = $1 FOR UPDATE`,
          [id],
        );
        const row = found.rows[0];
        if (!row) return { ok: false, reason: 'not-found' };
        const job = toJobRecord(row);
        if (job.state !== 'failed' && job.state !== 'interrupted') {
          return { ok: false, reason: 'not-retryable', state: job.state };
        }
        const steps = job.steps.map((step) =>
          step.status === 'done' ? step : { ...step, status: 'pending' as const, message: null },
        );
        const updated = await tx.query<JobRow>(
          `UPDATE jobs SET state = 'queued', steps = $2, failure = NULL, finished_at = NULL,
             token_mode = $3, lease_owner = $4, lease_until = $5, updated_at = $6
           WHERE id = $1 RETURNING ${JOB_COLUMNS}`,
          [id, JSON.stringify(steps), mode, holder?.workerId ?? null, leaseUntil(holder), clock()],
        );
        return { ok: true, job: toJobRecord(firstRow(updated.rows)) };
      });
    },

    /** Deletes finished jobs older than the retention; returns how many. */
    async purge(retentionDays: number): Promise<number> {
      const before = new Date(clock().getTime() - retentionDays * RECENT_MS);
      const result = await sql.query(
        'DELETE FROM jobs WHERE state = ANY($1::text[]) AND finished_at < $2',
        [FINISHED, before],
      );
      return result.rowCount;
    },

    /**
     * Deletes every job, open or finished: only for a sandbox's reset, which recreated the keys
     * the jobs were about. A running job's worker finds its lease gone and stops.
     */
    async forgetAll(): Promise<number> {
      return (await sql.query('DELETE FROM jobs')).rowCount;
    },
  };
}

export type JobStore = ReturnType<typeof jobStore>;

function rotationOf(input: StartRetireInput): Rotation {
  return {
    replaced_by: input.replaced_by,
    key_id: input.key_id,
    replaced_by_id: input.replaced_by_id,
    after_job: input.after_job,
  };
}

export function firstRow<Row>(rows: Row[]): Row {
  const row = rows[0];
  if (!row) throw new Error('The database returned no row where one was written.');
  return row;
}
