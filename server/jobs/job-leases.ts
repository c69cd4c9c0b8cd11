import type { Sql } from './database.ts';
import { JOB_COLUMNS, toJobRecord, type JobRow } from './job-row.ts';
import type { Clock } from './job-store.ts';
import type { JobState } from '../../src/features/jobs/api/job-contract.ts';
import type { JobEnd, JobProgress, JobRecord } from './job-types.ts';

/** What a personal job says once its token is gone with the worker that held it. */
export const INTERRUPTED_FAILURE =
  'The server restarted while this job was running; resume it to finish with your own sign-in.';

export type ChangedJob = Pick<
  JobRecord,
  'id' | 'kind' | 'state' | 'project_id' | 'key_name' | 'started_by'
>;

const CHANGED_COLUMNS = 'id, kind, state, project_id, key_name, started_by';

/**
 * The workers' side of the `jobs` table: a job is worked on only under a lease (`lease_owner`,
 * `lease_until`) that its worker renews; every write checks the lease is still its own, so a
 * worker that lost it (stalled, partitioned) can no longer overwrite its successor's progress.
 */
export function jobLeases(sql: Sql, clock: Clock, leaseMs: number) {
  const until = () => new Date(clock().getTime() + leaseMs);
  return {
    /**
     * Up to `limit` queued jobs due now, leased to `workerId`: shared ones, and personal ones
     * this worker holds the token of. SKIP LOCKED: two workers claiming at once get different jobs.
     * A key's jobs run one at a time in creation order (an edit's bind, then its unbind): a job
     * waits while an older one of the same key and project is queued or running. A retirement
     * not yet due holds up nothing: it re-reads every deployment when it runs, and one scheduled
     * for next week must not block the key's edits meanwhile.
     * A deployment's changes run one at a time too, whatever their keys: v3 has no ETag, and two
     * jobs PATCHing one deployment's list at once would each send the list read before the other
     * landed, so one undid the other (the job then failed as overridden). A job waits while
     * one running, or an older one due, still has a step on a deployment it has a step on.
     */
    async claim(workerId: string, limit: number): Promise<JobRecord[]> {
      if (limit <= 0) return [];
      const now = clock();
      const result = await sql.query<JobRow>(
        `UPDATE jobs SET state = 'running', lease_owner = $1, lease_until = $2,
           attempts = attempts + 1, updated_at = $3
         WHERE id IN (
           SELECT id FROM jobs AS job
           WHERE state = 'queued' AND (run_after IS NULL OR run_after <= $3)
             AND (token_mode = 'shared' OR lease_owner = $1)
             AND NOT EXISTS (
               SELECT 1 FROM jobs AS older
               WHERE older.project_id = job.project_id AND older.key_name = job.key_name
                 AND older.state IN ('queued', 'running') AND older.seq < job.seq
                 AND NOT (older.kind = 'retire' AND older.state = 'queued'
                   AND older.run_after > $3))
             AND NOT EXISTS (
               SELECT 1 FROM jobs AS other
               WHERE other.project_id = job.project_id AND other.id <> job.id
                 AND (other.state = 'running' OR (other.state = 'queued' AND other.seq < job.seq
                   AND (other.run_after IS NULL OR other.run_after <= $3)))
                 AND EXISTS (
                   SELECT 1 FROM jsonb_array_elements(other.steps) AS theirs,
                     jsonb_array_elements(job.steps) AS ours
                   WHERE theirs->>'deployment' = ours->>'deployment'
                     AND theirs->>'status' <> 'done' AND ours->>'status' <> 'done'))
           ORDER BY seq LIMIT $4 FOR UPDATE OF job SKIP LOCKED)
         RETURNING ${JOB_COLUMNS}`,
        [workerId, until(), now, limit],
      );
      return result.rows.map(toJobRecord);
    },

    /** Extends the leases `workerId` still has among `ids`; returns those (the rest are lost). */
    async renew(workerId: string, ids: string[]): Promise<Set<string>> {
      if (ids.length === 0) return new Set();
      const result = await sql.query<{ id: string }>(
        `UPDATE jobs SET lease_until = $3 WHERE lease_owner = $1 AND id = ANY($2::uuid[])
           AND state IN ('queued', 'running') RETURNING id`,
        [workerId, ids, until()],
      );
      return new Set(result.rows.map((row) => row.id));
    },

    /** Saves where a running job stands; false when the lease is no longer this worker's. */
    async saveProgress(workerId: string, id: string, progress: JobProgress): Promise<boolean> {
      const result = await sql.query(
        `UPDATE jobs SET steps = $3, key_deleted = $4, detail = $5, updated_at = $6
         WHERE id = $1 AND lease_owner = $2 AND state = 'running'`,
        [
          id,
          workerId,
          JSON.stringify(progress.steps),
          progress.key_deleted,
          json(progress.detail),
          clock(),
        ],
      );
      return result.rowCount === 1;
    },

    /** done or failed, lease released; undefined when the lease was lost first. */
    async finish(workerId: string, id: string, outcome: JobEnd): Promise<ChangedJob | undefined> {
      const now = clock();
      const failure = outcome.state === 'failed' ? outcome.failure : null;
      const result = await sql.query<ChangedJob>(
        `UPDATE jobs SET state = $3, failure = $4, finished_at = $5, updated_at = $5,
           lease_owner = NULL, lease_until = NULL
         WHERE id = $1 AND lease_owner = $2 AND state = 'running' RETURNING ${CHANGED_COLUMNS}`,
        [id, workerId, outcome.state, failure, now],
      );
      return result.rows[0] && changed(result.rows[0]);
    },

    /**
     * Back in the queue until `until`, this attempt not counted. A personal job stays leased to
     * this worker, which keeps its token and renews the lease while it waits.
     */
    async postpone(workerId: string, id: string, until: Date): Promise<ChangedJob | undefined> {
      const result = await sql.query<ChangedJob>(
        `UPDATE jobs SET state = 'queued', run_after = $3, attempts = GREATEST(attempts - 1, 0),
           updated_at = $4,
           lease_owner = CASE WHEN token_mode = 'personal' THEN lease_owner END,
           lease_until = CASE WHEN token_mode = 'personal' THEN lease_until END
         WHERE id = $1 AND lease_owner = $2 AND state = 'running' RETURNING ${CHANGED_COLUMNS}`,
        [id, workerId, until, clock()],
      );
      return result.rows[0] && changed(result.rows[0]);
    },

    async stateOf(id: string): Promise<JobState | undefined> {
      const result = await sql.query<{ state: JobState }>('SELECT state FROM jobs WHERE id = $1', [
        id,
      ]);
      return result.rows[0]?.state;
    },

    /**
     * A stopping worker lets go of its jobs: shared ones back in the queue for another replica,
     * personal ones interrupted (their token leaves with this process).
     */
    async release(workerId: string): Promise<ChangedJob[]> {
      const result = await sql.query<ChangedJob>(
        `UPDATE jobs SET
           state = CASE WHEN token_mode = 'shared' THEN 'queued' ELSE 'interrupted' END,
           failure = CASE WHEN token_mode = 'shared' THEN NULL ELSE $2 END,
           lease_owner = NULL, lease_until = NULL, updated_at = $3
         WHERE lease_owner = $1 AND state IN ('queued', 'running') RETURNING ${CHANGED_COLUMNS}`,
        [workerId, INTERRUPTED_FAILURE, clock()],
      );
      return result.rows.map(changed);
    },

    /** Leases whose worker stopped renewing: shared jobs re-queued, personal ones interrupted. */
    async expire(): Promise<ChangedJob[]> {
      const now = clock();
      const result = await sql.query<ChangedJob>(
        `UPDATE jobs SET
           state = CASE WHEN token_mode = 'shared' THEN 'queued' ELSE 'interrupted' END,
           failure = CASE WHEN token_mode = 'shared' THEN NULL ELSE $1 END,
           lease_owner = NULL, lease_until = NULL, updated_at = $2
         WHERE state IN ('queued', 'running') AND lease_until < $2 RETURNING ${CHANGED_COLUMNS}`,
        [INTERRUPTED_FAILURE, now],
      );
      return result.rows.map(changed);
    },
  };
}

export type JobLeases = ReturnType<typeof jobLeases>;

function json(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

function changed(row: ChangedJob): ChangedJob {
  return { ...row, project_id: Number(row.project_id) };
}
