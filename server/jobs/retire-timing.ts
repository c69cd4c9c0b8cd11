import { duration } from './steps/step-words.ts';

/**
 * A "now" sent by a browser whose clock is a little off, or that took a while to arrive. Ahead
 * of now it never reaches the minimum grace, so a short minimum (tests) still schedules.
 */
export const RETIRE_NOW_SKEW_MS = 60_000;

export type RetireTiming = { ok: true; runAfter: string | null } | { ok: false; message: string };

/**
 * When a retirement may run: null holds it for "Retire now"; a time within the skew of now is
 * now; anything else must leave at least `minDelayMs` of grace, so the people using the old key
 * have time to switch. A time in the past beyond the skew is a mistake, never "at once".
 */
export function retireTiming(runAfter: string | null, now: Date, minDelayMs: number): RetireTiming {
  if (runAfter === null) return { ok: true, runAfter: null };
  const at = new Date(runAfter).getTime();
  const early = now.getTime() - RETIRE_NOW_SKEW_MS;
  if (at < early) {
    return {
      ok: false,
      message: `run_after ${runAfter} is in the past: send the current time to retire the key now, or null to retire it yourself later.`,
    };
  }
  const nowish = now.getTime() + Math.min(RETIRE_NOW_SKEW_MS, minDelayMs);
  if (at <= nowish) return { ok: true, runAfter: now.toISOString() };
  if (at < now.getTime() + minDelayMs) {
    return {
      ok: false,
      message: `run_after must be now or at least ${duration(minDelayMs)} from now (RETIRE_MIN_DELAY_MS), so the old key’s users have time to switch.`,
    };
  }
  return { ok: true, runAfter: new Date(at).toISOString() };
}
