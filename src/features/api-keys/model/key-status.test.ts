import { describe, expect, it } from 'vitest';
import { EXPIRING_SOON_MS, keyStatus } from './key-status';

const now = new Date('2026-11-28T12:00:00Z');
const at = (ms: number) => new Date(now.getTime() + ms).toISOString();

describe('keyStatus', () => {
  it.each([
    ['never expires', 'ACTIVE', null, 'Active'],
    ['expires in 7 days and 1 ms', 'ACTIVE', at(EXPIRING_SOON_MS + 1), 'Active'],
    ['expires in exactly 7 days', 'ACTIVE', at(EXPIRING_SOON_MS), 'Expiring soon'],
    ['expires in 1 ms', 'ACTIVE', at(1), 'Expiring soon'],
    ['expires now', 'ACTIVE', at(0), 'Expired'],
    ['expired 1 ms ago but the API still says ACTIVE', 'ACTIVE', at(-1), 'Expired'],
    ['says EXPIRED', 'EXPIRED', at(-86_400_000), 'Expired'],
    ['says expired, lower-case', 'expired', null, 'Expired'],
    ['has another status', 'SUSPENDED_BY_ADMIN', null, 'Suspended by admin'],
    ['has another status and expires soon', 'REVOKED', at(1000), 'Revoked'],
    ['has no status (v3) and never expires', null, null, 'Active'],
    ['has no status (v3) and expires in 1 ms', null, at(1), 'Expiring soon'],
    ['has no status (v3) and expired 1 ms ago', null, at(-1), 'Expired'],
  ])('a key that %s is %s', (_case, status, expiresAt, label) => {
    expect(keyStatus({ status, expiresAt }, now).label).toBe(label);
  });
});
