import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { transitionsIn, wallAt } from '../test/zone-oracle';
import {
  formatDate,
  formatDateTime,
  formatDateTimeWithUtc,
  formatLocal,
  formatLocalAndUtc,
  formatTime,
  formatUtc,
} from './format-date';

const instant = new Date('2027-01-01T04:30:00Z');
const two = (n: number) => String(n).padStart(2, '0');
const MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sept',
  'Oct',
  'Nov',
  'Dec',
];

describe('formatDateTime: one shape, the zone spelled out', () => {
  it.each([
    ['Asia/Kolkata', '1 Jan 2027, 10:00 GMT+5:30'],
    ['America/New_York', '31 Dec 2026, 23:30 GMT-5'],
    ['UTC', '1 Jan 2027, 04:30 UTC'],
    ['Europe/Berlin', '1 Jan 2027, 05:30 GMT+1'],
  ])('in %s reads %j', (timeZone, text) => {
    expect(formatDateTime(instant, { timeZone })).toBe(text);
  });

  it('uses the browser zone by default (the test run pins Asia/Kolkata)', () => {
    expect(formatLocal(instant)).toBe('1 Jan 2027, 10:00 GMT+5:30');
  });

  it.each([
    ['en-GB', '1 Jan 2027, 05:30 GMT+1'],
    ['en-US', 'Jan 1, 2027, 05:30 GMT+1'],
    ['de-DE', '1. Jan. 2027, 05:30 GMT+1'],
  ])('in %s keeps the 24-hour clock and the zone', (locale, text) => {
    expect(formatDateTime(instant, { timeZone: 'Europe/Berlin', locale })).toBe(text);
  });

  it.each(['Europe/Berlin', 'America/New_York'])(
    'in %s follows daylight saving time either side of each transition',
    (zone) => {
      const transitions = transitionsIn(zone, 2027);
      expect(transitions).toHaveLength(2);
      for (const { at, offsetBefore, offsetAfter } of transitions) {
        for (const [when, offset] of [
          [at - 60_000, offsetBefore],
          [at, offsetAfter],
        ] as const) {
          const wall = wallAt(zone, when);
          const hours = offset / 3_600_000;
          const expected =
            `${wall.day} ${MONTHS[wall.month - 1]} ${wall.year}, ` +
            `${two(wall.hour)}:${two(wall.minute)} GMT${hours < 0 ? '' : '+'}${hours}`;
          expect(formatDateTime(new Date(when), { timeZone: zone })).toBe(expected);
        }
      }
    },
  );
});

describe('formatUtc and formatDateTimeWithUtc', () => {
  it('gives the UTC clock whatever the zone', () => {
    expect(formatUtc(instant)).toBe('1 Jan 2027, 04:30 UTC');
  });

  it('puts UTC beside the local time, with the UTC date only when it is another day', () => {
    expect(formatDateTimeWithUtc(instant, { timeZone: 'Europe/Berlin' })).toBe(
      '1 Jan 2027, 05:30 GMT+1 (04:30 UTC)',
    );
    expect(formatDateTimeWithUtc(instant, { timeZone: 'America/New_York' })).toBe(
      '31 Dec 2026, 23:30 GMT-5 (1 Jan 2027, 04:30 UTC)',
    );
    expect(formatDateTimeWithUtc(instant, { timeZone: 'UTC' })).toBe('1 Jan 2027, 04:30 UTC');
  });
});

describe('formatDate and formatTime', () => {
  it('take the day and the time in the same zone', () => {
    expect(formatDate(instant, { timeZone: 'America/New_York' })).toBe('31 Dec 2026');
    expect(formatDate(new Date('2024-09-12T12:00:00Z'))).toBe('12 Sept 2024');
    expect(formatTime(instant)).toBe('10:00 GMT+5:30');
    expect(formatTime(instant, { timeZone: 'UTC' })).toBe('04:30 UTC');
  });
});

describe('the page’s own format, written by hand as Intl writes it', () => {
  const ORIGINAL_TZ = process.env.TZ;
  afterEach(() => {
    process.env.TZ = ORIGINAL_TZ;
  });
  /** Intl itself, as the module would call it for another locale or zone. */
  const intl = (date: Date, kind: 'date-time' | 'date' | 'time', timeZone?: string) => {
    const day = { day: 'numeric', month: 'short', year: 'numeric' } as const;
    const time = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;
    const format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      ...(kind === 'time' ? {} : day),
      ...(kind === 'date' ? {} : { ...time, timeZoneName: 'shortOffset' }),
    });
    return format
      .formatToParts(date)
      .map((p) => (p.type === 'timeZoneName' && /^GMT(\+0)?$/.test(p.value) ? 'UTC' : p.value))
      .join('');
  };
  // Whole hours, half and three-quarter hours, both sides of UTC, with and without DST.
  const ZONES = [
    'Asia/Kolkata',
    'Asia/Kathmandu',
    'America/St_Johns',
    'America/Los_Angeles',
    'Europe/London',
    'Australia/Lord_Howe',
    'Pacific/Chatham',
    'Pacific/Kiritimati',
    'UTC',
  ];
  // A day inside the years written by hand, in every zone (outside them Intl writes it anyway).
  const apiDates = fc.date({
    min: new Date('1970-01-02T00:00:00Z'),
    max: new Date('9999-12-30T23:59:59Z'),
    noInvalidDate: true,
  });

  it.each(ZONES)('agrees with Intl in %s, on the local clock and on UTC', (zone) => {
    process.env.TZ = zone;
    fc.assert(
      fc.property(apiDates, (date) => {
        expect(formatDateTime(date)).toBe(intl(date, 'date-time'));
        expect(formatDate(date)).toBe(intl(date, 'date'));
        expect(formatTime(date)).toBe(intl(date, 'time'));
        expect(formatUtc(date)).toBe(intl(date, 'date-time', 'UTC'));
      }),
      { numRuns: 400 },
    );
  });
});

describe('formatLocalAndUtc', () => {
  const instant = new Date('2027-03-01T04:30:00Z');
  it('gives the local clock, then UTC', () => {
    expect(formatLocalAndUtc(instant, { timeZone: 'Asia/Kolkata' })).toBe(
      '1 Mar 2027, 10:00 GMT+5:30 · 1 Mar 2027, 04:30 UTC',
    );
  });

  it('gives one time where the local clock is UTC at that instant', () => {
    expect(formatLocalAndUtc(instant, { timeZone: 'UTC' })).toBe('1 Mar 2027, 04:30 UTC');
    expect(formatLocalAndUtc(instant, { timeZone: 'Europe/London' })).toBe('1 Mar 2027, 04:30 UTC');
  });
});
