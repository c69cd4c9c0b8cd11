import type { KeyRecord } from '../api/key-model';

/** The header's "Expiring soon": keys that expire within this long and have not yet. */
export const EXPIRING_WITHIN_MS = 14 * 24 * 60 * 60 * 1000;

export function expiresSoon(key: Pick<KeyRecord, 'expiresAt'>, now: number): boolean {
  const at = key.expiresAt ? Date.parse(key.expiresAt) : Number.NaN;
  return at > now && at - now <= EXPIRING_WITHIN_MS;
}
