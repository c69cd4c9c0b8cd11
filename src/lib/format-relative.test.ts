import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatExpiry, formatRelative, inWords } from './format-relative';

const now = new Date('2026-11-28T12:00:00Z');
const plus = (s: number) => new Date(now.getTime() + s * 1000);

describe('formatRelative', () => {
  it.each([
    [3 * 86400 + 5, 'in 3 days'],
    [-2 * 3600 - 59, '2 hours ago'],
    [45, 'in 45 seconds'],
    [-90, '1 minute ago'],
    [14 * 86400, 'in 2 weeks'],
    [400 * 86400, 'in 1 year'],
    [0, 'now'],
  ])('%i s from now reads %j', (seconds, text) => {
    expect(formatRelative(plus(seconds), now)).toBe(text);
  });
});

describe('inWords', () => {
  it('words every amount of every unit as Intl.RelativeTimeFormat does in English', () => {
    const intl = new Intl.RelativeTimeFormat('en', { numeric: 'always' });
    const units = ['year', 'month', 'week', 'day', 'hour', 'minute', 'second'] as const;
    const amount = fc.oneof(fc.integer({ min: -100, max: 100 }), fc.integer());
    fc.assert(
      fc.property(amount.filter(Boolean), fc.constantFrom(...units), (value, unit) => {
        expect(inWords(value, unit)).toBe(intl.format(value, unit));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('formatExpiry', () => {
  it('says expired for the past, in … for the future and never for none', () => {
    expect(formatExpiry(plus(-7200).toISOString(), now)).toBe('expired 2 hours ago');
    expect(formatExpiry(plus(3 * 86400).toISOString(), now)).toBe('in 3 days');
    expect(formatExpiry(null, now)).toBe('never expires');
    expect(formatExpiry('garbage', now)).toBe('unreadable date (garbage)');
  });
});
