import { humanizeStatus } from '../../../lib/humanize-status';
import type { ApiKey } from '../api/api-key-schemas';

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
 * `expires_at`, and a key past its expiry must never look usable.
 */
export function keyStatus(key: Pick<ApiKey, 'status' | 'expires_at'>, now: Date): KeyStatus {
  const expiresAt = key.expires_at ? Date.parse(key.expires_at) : Number.NaN;
  const upper = key.status.toUpperCase();
  if (upper === 'EXPIRED' || expiresAt <= now.getTime())
    return { kind: 'expired', label: 'Expired' };
  if (upper !== 'ACTIVE') return { kind: 'other', label: humanizeStatus(key.status) };
  if (expiresAt - now.getTime() <= EXPIRING_SOON_MS)
    return { kind: 'expiring-soon', label: 'Expiring soon' };
  return { kind: 'active', label: 'Active' };
}
