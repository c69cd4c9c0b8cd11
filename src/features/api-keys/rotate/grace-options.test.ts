import { describe, expect, it } from 'vitest';
import { defaultGrace, graceOptions, retireAt } from './grace-options';

const labels = (min: number) => graceOptions(min).map((option) => option.label);

describe('the grace a rotation offers', () => {
  it('offers every preset when the server allows any delay', () => {
    expect(labels(0)).toEqual(['Now', '1 hour', '24 hours', '7 days', 'I’ll retire it myself']);
  });

  it('adds the minimum itself when it is under an hour', () => {
    expect(labels(5_000)).toEqual([
      'Now',
      'In 5 seconds',
      '1 hour',
      '24 hours',
      '7 days',
      'I’ll retire it myself',
    ]);
    expect(labels(30 * 60_000)).toContain('In 30 minutes');
  });

  it('leaves out the presets shorter than the minimum, keeping now and manual', () => {
    expect(labels(2 * 3_600_000)).toEqual(['Now', '24 hours', '7 days', 'I’ll retire it myself']);
    expect(labels(30 * 24 * 3_600_000)).toEqual(['Now', 'I’ll retire it myself']);
  });

  it('defaults to 24 hours, else the smallest allowed above it, else held', () => {
    expect(defaultGrace(graceOptions(0)).label).toBe('24 hours');
    expect(defaultGrace(graceOptions(2 * 24 * 3_600_000)).label).toBe('7 days');
    expect(defaultGrace(graceOptions(8 * 24 * 3_600_000)).label).toBe('I’ll retire it myself');
  });

  it('schedules at now + grace, or holds (null)', () => {
    const now = new Date('2030-01-01T00:00:00Z');
    const [, hour] = graceOptions(0);
    expect(hour && retireAt(hour, now)).toBe('2030-01-01T01:00:00Z');
    expect(retireAt(defaultGrace(graceOptions(9e12)), now)).toBeNull();
  });

  it('never sends a grace shorter than the one chosen: the time is rounded up to the second', () => {
    const now = new Date('2030-01-01T00:00:00.400Z');
    const [, shortest] = graceOptions(5_000);
    expect(shortest?.label).toBe('In 5 seconds');
    expect(shortest && retireAt(shortest, now)).toBe('2030-01-01T00:00:06Z');
  });
});
