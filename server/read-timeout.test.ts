import { describe, expect, it } from 'vitest';
import { readTimeoutMs } from './read-timeout-ms';

describe('GCORE_API_TIMEOUT_MS', () => {
  it('is optional', () => {
    expect(readTimeoutMs(undefined)).toBeUndefined();
    expect(readTimeoutMs(' ')).toBeUndefined();
  });

  it('takes whole milliseconds', () => {
    expect(readTimeoutMs('5000')).toBe(5000);
  });

  it.each(['5s', '-1', '99', '1.5', '600001'])(
    'refuses %j with a message naming the variable',
    (value) => {
      expect(() => readTimeoutMs(value)).toThrow(/GCORE_API_TIMEOUT_MS/);
    },
  );
});
