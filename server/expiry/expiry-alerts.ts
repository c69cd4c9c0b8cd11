import type { Queryable } from '../jobs/database.ts';
import type { Threshold } from './expiry-thresholds.ts';

export type AlertId = {
  projectId: number;
  keyId: string;
  expiresAt: Date;
  threshold: Threshold;
};

export type ExpiryAlerts = {
  /** True when this checker may post the warning: no one has sent it or is sending it. */
  claim(alert: AlertId & { keyName: string }): Promise<boolean>;
  sent(alert: AlertId): Promise<void>;
  /** A post that failed gives its claim back, so the next check (anyone's) tries again. */
  release(alert: AlertId): Promise<void>;
  /** Rows no check can need again (their key's expiry news is long over). */
  purge(olderThan: Date): Promise<void>;
};

/**
 * A claim left unsent this long (its replica died mid-post) may be taken over; far past any
 * post's deadline, so a live post is never doubled.
 */
export const STALE_CLAIM_MS = 10 * 60 * 1000;

const KEY = 'project_id = $1 AND key_id = $2 AND expires_at = $3 AND threshold = $4';

/**
 * The `expiry_alerts` table. A claim is one INSERT … ON CONFLICT: whichever replica inserts the
 * row first posts, every other one (or this one after a restart) finds it taken.
 */
export function expiryAlerts(db: Queryable, owner: string, clock: () => Date): ExpiryAlerts {
  const id = (alert: AlertId) => [alert.projectId, alert.keyId, alert.expiresAt, alert.threshold];
  return {
    async claim(alert) {
      const now = clock();
      const result = await db.query(
        `INSERT INTO expiry_alerts
           (project_id, key_id, expires_at, threshold, key_name, claimed_by, claimed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (project_id, key_id, expires_at, threshold) DO UPDATE
           SET claimed_by = EXCLUDED.claimed_by, claimed_at = EXCLUDED.claimed_at
           WHERE expiry_alerts.sent_at IS NULL AND expiry_alerts.claimed_at < $8
         RETURNING key_id`,
        [...id(alert), alert.keyName, owner, now, new Date(now.getTime() - STALE_CLAIM_MS)],
      );
      return result.rows.length === 1;
    },
    async sent(alert) {
      await db.query(`UPDATE expiry_alerts SET sent_at = $6 WHERE ${KEY} AND claimed_by = $5`, [
        ...id(alert),
        owner,
        clock(),
      ]);
    },
    async release(alert) {
      await db.query(
        `DELETE FROM expiry_alerts WHERE ${KEY} AND claimed_by = $5 AND sent_at IS NULL`,
        [...id(alert), owner],
      );
    },
    async purge(olderThan) {
      await db.query('DELETE FROM expiry_alerts WHERE expires_at < $1', [olderThan]);
    },
  };
}
