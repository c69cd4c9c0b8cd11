import { afterEach, describe, expect, it } from 'vitest';
import { parseLocalDateTime, resolveExpiry, toLocalInputValue, toUtcIso } from './expiry';

const ORIGINAL_TZ = process.env.TZ;
afterEach(() => {
  process.env.TZ = ORIGINAL_TZ;
});

describe('resolveExpiry', () => {
  it('is null for Never', () => {
    expect(resolveExpiry({ preset: 'never', custom: '' }, new Date())).toBeNull();
  });

  it('adds calendar days in the local zone, keeping the wall-clock time across DST', () => {
    process.env.TZ = 'Europe/Berlin';
    const now = new Date('2026-03-20T09:15:42.123Z'); // 10:15 CET, before the spring change
    const at = resolveExpiry({ preset: '30d', custom: '' }, now);
    expect(at?.toISOString()).toBe('2026-04-19T08:15:42.000Z'); // 10:15 CEST
  });

  it.each([
    ['7d', '2026-12-05T16:00:00.000Z'],
    ['60d', '2027-01-27T16:00:00.000Z'],
    ['90d', '2027-02-26T16:00:00.000Z'],
    ['1y', '2027-11-28T16:00:00.000Z'],
  ] as const)('resolves %s from 28 Nov 2026', (preset, expected) => {
    process.env.TZ = 'UTC';
    expect(
      resolveExpiry({ preset, custom: '' }, new Date('2026-11-28T16:00:00Z'))?.toISOString(),
    ).toBe(expected);
  });

  it('reads a custom value in the local zone', () => {
    process.env.TZ = 'Asia/Kolkata';
    const at = resolveExpiry({ preset: 'custom', custom: '2026-12-01T10:00' }, new Date());
    expect(at && toUtcIso(at)).toBe('2026-12-01T04:30:00Z');
  });
});

describe('parseLocalDateTime', () => {
  it.each([
    ['America/New_York', '2026-07-04T12:00', '2026-07-04T16:00:00Z'],
    ['Australia/Adelaide', '2026-01-15T09:30', '2026-01-14T23:00:00Z'],
    ['Asia/Kathmandu', '2026-05-01T00:00', '2026-04-30T18:15:00Z'],
    ['UTC', '2026-05-01T00:00:30', '2026-05-01T00:00:30Z'],
  ])('in %s reads %s as %s', (zone, value, utc) => {
    process.env.TZ = zone;
    const at = parseLocalDateTime(value);
    expect(at && toUtcIso(at)).toBe(utc);
  });

  it.each([
    '',
    '2026-02-31T10:00',
    '2026-13-01T10:00',
    '2026-12-01',
    'tomorrow',
    '2026-12-01T25:00',
  ])('rejects %j', (value) => {
    expect(parseLocalDateTime(value)).toBeUndefined();
  });

  it('round-trips with toLocalInputValue', () => {
    process.env.TZ = 'Asia/Kolkata';
    const at = new Date('2026-12-01T04:30:00Z');
    expect(toLocalInputValue(at)).toBe('2026-12-01T10:00');
  });
});
