import { formatDate } from '../../../lib/format-date';
import { formatExpiry } from '../../../lib/format-relative';
import type { Job } from '../../jobs/api/job-contract';
import type { KeyRecord } from '../api/key-model';
import { keyStatus, type KeyStatus } from '../model/key-status';

export type RowActions = {
  onDetails: (key: KeyRecord) => void;
  onEdit: (key: KeyRecord) => void;
  onDelete: (key: KeyRecord) => void;
  onRotate: (key: KeyRecord) => void;
  onRetireNow: (job: Job) => void;
  onKeep: (job: Job) => void;
  /** Runs failed jobs again (`useProjectFailures().retry`). */
  onRetryBinding: (ids: readonly string[]) => void;
};

/** What a row shows that depends on the clock, worked out by the table for the time it renders. */
export type RowClock = { status: KeyStatus; expires: string; created: string };

export function rowClock(apiKey: KeyRecord, now: Date): RowClock {
  const createdAt = new Date(apiKey.createdAt);
  return {
    status: keyStatus(apiKey, now),
    // "in 3 days", "expired 2 hours ago": the exact instant is in the time's tooltip.
    expires: formatExpiry(apiKey.expiresAt, now),
    // The page's one date format; the day is enough here, the tooltip has the minute.
    created: Number.isNaN(createdAt.getTime()) ? apiKey.createdAt : formatDate(createdAt),
  };
}
