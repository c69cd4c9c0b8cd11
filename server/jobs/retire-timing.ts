import { duration } from './steps/step-words.ts';

/** How far a browser's times may be from the server's: its clock a little off, a slow trip. */
export const RETIRE_NOW_SKEW_MS = 60_000;

export type RetireTiming = { ok: true; runAfter: string | null } | { ok: false; message: string };

/**
 * When a retirement may run: null holds it for "Retire now"; a time close to now is now; anything
 * else must leave at least `minDelayMs` of grace, so the people using the old key have time to
 * switch. A time in the past beyond the skew is a mistake, never "at once".
 *
 * The browser measures the grace from its own click and clock, so the minimum it offers arrives
 * a moment short of `now + minDelayMs`: a leeway (the skew, at most half the minimum, so "now" and
 * the shortest grace stay apart when a test makes it seconds) keeps both "now" and "the minimum"
 * what the person chose.
 */
export function retireTiming(runAfter: string | null, now: Date, minDelayMs: number): RetireTiming {
  if (runAfter === null) return { ok: true, runAfter: null };
  const at = new Date(runAfter).getTime();
  if (at < now.getTime() - RETIRE_NOW_SKEW_MS) {
    return {
      ok: false,
      message: `run_after ${runAfter} is in the past: send the current time to retire the key now, or null to retire it yourself later.`,
    };
  }
  const leeway = Math.min(RETIRE_NOW_SKEW_MS, minDelayMs / 2);
  if (at <= now.getTime() + leeway) return { ok: true, runAfter: now.toISOString() };
  if (at < now.getTime() + minDelayMs - leeway) {
    return {
      ok: false,
      message: `run_after must be now or at least ${duration(minDelayMs)} from now (RETIRE_MIN_DELAY_MS), so the old key’s users have time to switch.`,
    };
  }
  return { ok: true, runAfter: new Date(at).toISOString() };
}
