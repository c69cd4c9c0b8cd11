import type { ActivityEvent } from '../../src/features/activity/api/activity-contract.ts';
import type { Queryable } from '../jobs/database.ts';
import type { Clock } from '../jobs/job-store.ts';
import type { ActivityRecord } from './activity-record.ts';

export type ActivityFilter = {
  project: number;
  /** A key's names or ids (v3: its name; v2: its name and id); none: every key. */
  keys: string[];
  /** Only events older than this id (the previous page's `next_before`). */
  before?: string | undefined;
  limit: number;
};

type Row = Omit<ActivityEvent, 'time' | 'project'> & { time: Date | string; project: string };

const DAY_MS = 24 * 60 * 60 * 1000;

/** The `audit_events` table (migration 5): appended by the sink, read by `/__app/activity`. */
export function activityStore(db: Queryable, clock: Clock) {
  return {
    async insert(record: ActivityRecord): Promise<void> {
      await db.query(
        `INSERT INTO audit_events (time, "user", action, project, key_name, key_id, deployment,
           status, request_id, upstream_request_id, detail)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          record.time,
          record.user,
          record.action,
          record.project,
          record.key_name,
          record.key_id,
          record.deployment,
          record.status,
          record.request_id,
          record.upstream_request_id,
          JSON.stringify(record.detail),
        ],
      );
    },

    /**
     * Newest first; one row past `limit` tells whether an older page exists. A v2 update or
     * delete names no project (its path is the key's UUID alone): it shows in every project.
     */
    async list(
      filter: ActivityFilter,
    ): Promise<{ results: ActivityEvent[]; next_before: string | null }> {
      const result = await db.query<Row>(
        `SELECT id::text AS id, time, "user", action, project::text AS project, key_name, key_id,
           deployment, status, request_id, upstream_request_id, detail
         FROM audit_events
         WHERE (project = $1 OR project IS NULL)
           AND (cardinality($2::text[]) = 0 OR key_name = ANY($2::text[]) OR key_id = ANY($2::text[]))
           AND ($3::bigint IS NULL OR audit_events.id < $3::bigint)
         ORDER BY audit_events.id DESC
         LIMIT $4`,
        [filter.project, filter.keys, filter.before ?? null, filter.limit + 1],
      );
      const rows = result.rows.slice(0, filter.limit);
      const more = result.rows.length > filter.limit;
      return {
        results: rows.map(toEvent),
        next_before: more ? (rows.at(-1)?.id ?? null) : null,
      };
    },

    /** Events older than the retention go, as finished jobs do. */
    async purge(retentionDays: number): Promise<number> {
      const before = new Date(clock().getTime() - retentionDays * DAY_MS);
      return (await db.query('DELETE FROM audit_events WHERE time < $1', [before])).rowCount;
    },
  };
}

export type ActivityStore = ReturnType<typeof activityStore>;

function toEvent(row: Row): ActivityEvent {
  const time = row.time instanceof Date ? row.time : new Date(row.time);
  return {
    ...row,
    time: time.toISOString(),
    project: row.project === null ? null : Number(row.project),
    detail: typeof row.detail === 'string' ? JSON.parse(row.detail) : row.detail,
  };
}
