// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isoUtcSeconds } from './serializers';

describe('isoUtcSeconds', () => {
  it('drops the milliseconds of any instant, whatever came before it', () => {
    const instants = [
      '2026-11-28T19:00:00.000Z',
      '2026-11-28T19:00:00.999Z',
      '2026-11-28T19:00:01.000Z',
      '2026-11-28T19:00:00.500Z',
      '1969-12-31T23:59:59.999Z',
      '1970-01-01T00:00:00.000Z',
      '+012345-01-01T00:00:00.250Z',
    ].map((iso) => new Date(iso));
    for (const instant of instants) {
      expect(isoUtcSeconds(instant)).toBe(instant.toISOString().replace(/\.\d{3}Z$/, 'Z'));
    }
  });

  it('still refuses an invalid date', () => {
    expect(() => isoUtcSeconds(new Date(Number.NaN))).toThrow(RangeError);
  });
});
