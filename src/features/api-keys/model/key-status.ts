import { humanizeStatus } from '../../../lib/humanize-status';
import type { KeyRecord } from '../api/key-model';

/** Within this long of its expiry, an active key is flagged as expiring soon. */
export const EXPIRING_SOON_MS = 7 * 24 * 60 * 60 * 1000;

export type KeyStatus =
  | { kind: 'active'; label: 'Active' }
  | { kind: 'expiring-soon'; label: 'Expiring soon' }
  | { kind: 'expired'; label: 'Expired' }
  /** Any other status the API sends, shown as it comes. */
  | { kind: 'other'; label: string };

/**
 * What the badge says. The clock decides expiry too: the API's status can lag behind
 * `expiresAt`, and a key past its expiry must never look usable. Without a status word (v3 has
 * none) a key is active until its expiry.
 */
export function keyStatus(key: Pick<KeyRecord, 'status' | 'expiresAt'>, now: Date): KeyStatus {
  const expiresAt = key.expiresAt ? Date.parse(key.expiresAt) : Number.NaN;
  const status = key.status ?? 'ACTIVE';
  const upper = status.toUpperCase();
  if (upper === 'EXPIRED' || expiresAt <= now.getTime())
    return { kind: 'expired', label: 'Expired' };
  if (upper !== 'ACTIVE') return { kind: 'other', label: humanizeStatus(status) };
  if (expiresAt - now.getTime() <= EXPIRING_SOON_MS)
    return { kind: 'expiring-soon', label: 'Expiring soon' };
  return { kind: 'active', label: 'Active' };
}
