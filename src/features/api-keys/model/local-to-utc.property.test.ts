import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  readWall,
  transitionsIn,
  type Wall,
  wallAt,
  wallFromMs,
  wallMs,
} from '../../../test/zone-oracle';
import { parseLocalDateTime, toUtcIso } from './expiry';

const ORIGINAL_TZ = process.env.TZ;
afterEach(() => {
  process.env.TZ = ORIGINAL_TZ;
});

const ZONES = [
  { zone: 'Asia/Kolkata', dst: false }, // +5:30
  { zone: 'Asia/Kathmandu', dst: false }, // +5:45
  { zone: 'America/New_York', dst: true }, // -5 / -4
  { zone: 'Europe/Berlin', dst: true }, // +1 / +2
  { zone: 'Australia/Lord_Howe', dst: true }, // +10:30 / +11: a 30-minute change
  { zone: 'Pacific/Chatham', dst: true }, // +12:45 / +13:45
  { zone: 'America/St_Johns', dst: true }, // -3:30 / -2:30
];

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const stamp = (w: Wall) =>
  `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}` +
  (w.second === 0 ? '' : `:${pad(w.second)}`);
const isoSeconds = (instant: number) => new Date(instant).toISOString().replace('.000Z', 'Z');
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

const anyWall = fc
  .record({
    year: fc.integer({ min: 2000, max: 2100 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 59 })),
  })
  .map((w) => ({ ...w, day: Math.min(w.day, daysIn(w.year, w.month)) }));

/** Wall times within three hours of one of the zone's clock changes: gaps and repeats. */
const wallNearChange = (zone: string) =>
  fc
    .record({
      year: fc.integer({ min: 2000, max: 2099 }),
      pick: fc.nat(),
      deltaSeconds: fc.integer({ min: -3 * 3600, max: 3 * 3600 }),
    })
    .map(({ year, pick, deltaSeconds }) => {
      const changes = transitionsIn(zone, year);
      const change = changes[pick % changes.length];
      if (!change) throw new Error(`${zone} has no clock change in ${year}.`);
      return wallFromMs(change.at + change.offsetBefore + deltaSeconds * 1000);
    });

/**
 * The conversion under test, checked against Intl: an existing wall time reads back unchanged
 * (a repeated one as its first occurrence); one inside a spring-forward gap is read with the
 * offset from before the change, so it lands the gap's length later on the wall clock.
 */
function checkConversion(zone: string, wall: Wall): void {
  const value = stamp(wall);
  const parsed = parseLocalDateTime(value);
  if (!parsed) throw new Error(`${value} was refused in ${zone}.`);
  const utc = toUtcIso(parsed);
  const reading = readWall(zone, wall);
  if (reading.kind === 'gap') {
    const gap = reading.offsetAfter - reading.offsetBefore;
    expect(gap, `${value} in ${zone}: a gap comes from clocks going forward`).toBeGreaterThan(0);
    expect(utc, `${value} in ${zone}`).toBe(isoSeconds(wallMs(wall) - reading.offsetBefore));
    expect(wallAt(zone, Date.parse(utc))).toEqual(wallFromMs(wallMs(wall) + gap));
    return;
  }
  const expected = reading.kind === 'unique' ? reading.instant : reading.instants[0];
  expect(utc, `${value} in ${zone} (${reading.kind})`).toBe(isoSeconds(expected));
  expect(wallAt(zone, Date.parse(utc))).toEqual(wall);
}

const wallsFor = (zone: string, dst: boolean) =>
  dst ? fc.oneof(anyWall, wallNearChange(zone)) : anyWall;

describe.each(ZONES)('local → UTC in $zone', ({ zone, dst }) => {
  const walls = wallsFor(zone, dst);

  it('keeps the wall clock for any 2000–2100 time, and moves gap times forward by the gap', () => {
    process.env.TZ = zone;
    fc.assert(
      fc.property(walls, (wall) => checkConversion(zone, wall)),
      { numRuns: 400 },
    );
  });

  it('refuses fields out of range, and only those', () => {
    process.env.TZ = zone;
    const raw = fc.record({
      year: fc.integer({ min: 2000, max: 2100 }),
      month: fc.integer({ min: 0, max: 13 }),
      day: fc.integer({ min: 0, max: 32 }),
      hour: fc.integer({ min: 0, max: 25 }),
      minute: fc.integer({ min: 0, max: 61 }),
      second: fc.integer({ min: 0, max: 61 }),
    });
    fc.assert(
      fc.property(raw, (w) => {
        const valid =
          w.month >= 1 &&
          w.month <= 12 &&
          w.day >= 1 &&
          w.day <= daysIn(w.year, w.month) &&
          w.hour <= 23 &&
          w.minute <= 59 &&
          w.second <= 59;
        expect(parseLocalDateTime(stamp(w)) !== undefined, stamp(w)).toBe(valid);
      }),
      { numRuns: 400 },
    );
  });
});

describe.each(ZONES.filter((z) => z.dst))('the samples for $zone', ({ zone }) => {
  it('include skipped, repeated and ordinary wall times', () => {
    const sample = fc.sample(wallsFor(zone, true), { numRuns: 400, seed: 1 });
    const kinds = new Set(sample.map((wall) => readWall(zone, wall).kind));
    expect([...kinds].sort()).toEqual(['ambiguous', 'gap', 'unique']);
  });
});
