import { afterEach, describe, expect, it } from 'vitest';
import { readWall } from '../../../test/zone-oracle';
import { parseLocalDateTime, toUtcIso } from './expiry';

const ORIGINAL_TZ = process.env.TZ;
afterEach(() => {
  process.env.TZ = ORIGINAL_TZ;
});

const toUtc = (zone: string, value: string) => {
  process.env.TZ = zone;
  const at = parseLocalDateTime(value);
  return at && toUtcIso(at);
};
const wallOf = (value: string) => {
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0] = value.split(/[-T:]/).map(Number);
  return { year, month, day, hour, minute, second: 0 };
};

// Expected instants worked out by hand from each zone's rules, then confirmed as gap, repeat or
// plain by the Intl oracle, so a wrong table entry fails too.
describe('local → UTC at known clock changes (2027)', () => {
  it.each([
    ['Asia/Kolkata', '2027-01-01T00:00', 'unique', '2026-12-31T18:30:00Z'],
    ['Asia/Kathmandu', '2027-01-01T00:00', 'unique', '2026-12-31T18:15:00Z'],
    ['Europe/Berlin', '2027-07-01T12:00', 'unique', '2027-07-01T10:00:00Z'],
    // Clocks go 02:00 CET → 03:00 CEST on 28 March: 02:30 never happens.
    ['Europe/Berlin', '2027-03-28T02:30', 'gap', '2027-03-28T01:30:00Z'],
    // Clocks go 03:00 CEST → 02:00 CET on 31 October: 02:30 happens twice.
    ['Europe/Berlin', '2027-10-31T02:30', 'ambiguous', '2027-10-31T00:30:00Z'],
    ['America/New_York', '2027-03-14T02:30', 'gap', '2027-03-14T07:30:00Z'],
    ['America/New_York', '2027-11-07T01:30', 'ambiguous', '2027-11-07T05:30:00Z'],
    // Lord Howe moves by half an hour: 02:00 → 02:30 on 3 October, 02:00 → 01:30 on 4 April.
    ['Australia/Lord_Howe', '2027-10-03T02:15', 'gap', '2027-10-02T15:45:00Z'],
    ['Australia/Lord_Howe', '2027-04-04T01:45', 'ambiguous', '2027-04-03T14:45:00Z'],
    // Chatham: 02:45 → 03:45 on 26 September, 03:45 → 02:45 on 4 April.
    ['Pacific/Chatham', '2027-09-26T03:00', 'gap', '2027-09-25T14:15:00Z'],
    ['Pacific/Chatham', '2027-04-04T03:00', 'ambiguous', '2027-04-03T13:15:00Z'],
    ['America/St_Johns', '2027-03-14T02:30', 'gap', '2027-03-14T06:00:00Z'],
    ['America/St_Johns', '2027-11-07T01:30', 'ambiguous', '2027-11-07T04:00:00Z'],
  ])('in %s reads %s (%s) as %s', (zone, value, kind, utc) => {
    expect(readWall(zone, wallOf(value)).kind).toBe(kind);
    expect(toUtc(zone, value)).toBe(utc);
  });

  // The choice, documented: ECMAScript reads a local time with the offset in force *before* the
  // change. A repeated time is therefore its first occurrence (summer time, the earlier instant);
  // a skipped time is read with winter time, landing the gap's length later (02:30 → 03:30 CEST).
  it('picks the first of two instants for a repeated time, and never the second', () => {
    const reading = readWall('Europe/Berlin', wallOf('2027-10-31T02:30'));
    expect(reading).toEqual({
      kind: 'ambiguous',
      instants: [Date.parse('2027-10-31T00:30:00Z'), Date.parse('2027-10-31T01:30:00Z')],
    });
    for (const value of ['2027-10-31T02:00', '2027-10-31T02:30', '2027-10-31T02:59']) {
      const utc = toUtc('Europe/Berlin', value);
      expect(utc?.slice(0, 13), value).toBe('2027-10-31T00');
    }
  });
});

describe('parseLocalDateTime: fields read as written', () => {
  it.each([
    ['0050-06-01T12:00', '0050-06-01T12:00:00Z'],
    ['0000-02-29T00:00', '0000-02-29T00:00:00Z'],
    ['0099-12-31T23:59:59', '0099-12-31T23:59:59Z'],
    ['0100-01-01T00:00', '0100-01-01T00:00:00Z'],
  ])('reads the year of %s as written, not as 19xx', (value, utc) => {
    expect(toUtc('UTC', value)).toBe(utc);
  });

  it.each(['2027-01-01T10:60', '2027-01-01T10:00:60', '2027-01-01T24:00', '2027-01-01T23:59:99'])(
    'refuses %s rather than rolling it over',
    (value) => {
      expect(toUtc('Asia/Kolkata', value)).toBeUndefined();
    },
  );
});
