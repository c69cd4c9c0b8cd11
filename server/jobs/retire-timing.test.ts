import { describe, expect, it } from 'vitest';
import { retireTiming } from './retire-timing.ts';

const NOW = new Date('2026-03-01T10:00:00.000Z');
const at = (ms: number) => new Date(NOW.getTime() + ms).toISOString();

describe('when a retirement may run', () => {
  it('null holds it; a time within a minute of now is now', () => {
    expect(retireTiming(null, NOW, 3_600_000)).toEqual({ ok: true, runAfter: null });
    expect(retireTiming(at(-30_000), NOW, 3_600_000)).toEqual({ ok: true, runAfter: at(0) });
    expect(retireTiming(at(45_000), NOW, 3_600_000)).toEqual({ ok: true, runAfter: at(0) });
  });

  it('a short minimum (tests) still schedules a time just past it, instead of treating it as now', () => {
    expect(retireTiming(at(3_000), NOW, 2_000)).toEqual({ ok: true, runAfter: at(3_000) });
    expect(retireTiming(at(1_000), NOW, 2_000)).toEqual({ ok: true, runAfter: at(0) });
  });

  it('refuses a grace shorter than the minimum, and a time long past', () => {
    expect(retireTiming(at(10 * 60_000), NOW, 3_600_000)).toMatchObject({ ok: false });
    expect(retireTiming(at(-5 * 60_000), NOW, 3_600_000)).toMatchObject({ ok: false });
    expect(retireTiming(at(3_600_000), NOW, 3_600_000)).toEqual({
      ok: true,
      runAfter: at(3_600_000),
    });
  });

  it('schedules the minimum a browser asked for a moment ago, measured from its click', () => {
    // "1 hour" sent at the click arrives a little later: still the 1 hour offered, not refused.
    expect(retireTiming(at(3_600_000 - 800), NOW, 3_600_000)).toEqual({
      ok: true,
      runAfter: at(3_600_000 - 800),
    });
    // "In 5 seconds" (a test's minimum) is 5 seconds, not "now".
    expect(retireTiming(at(4_600), NOW, 5_000)).toEqual({ ok: true, runAfter: at(4_600) });
  });
});
