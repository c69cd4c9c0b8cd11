import { performance } from 'node:perf_hooks';

/** A noisy run: its two calibrations differ by more than this fraction. */
export const NOISE_LIMIT = 0.2;

export type Calibration = { startMs: number; endMs: number; drift: number; noisy: boolean };

/**
 * The machine's own speed: a fixed CPU-bound loop (integer hashing, no allocation, no I/O), the
 * median of 9 timings, so one burst of another process on the machine does not decide it. Only
 * its change over the run matters, never its absolute value.
 */
export function timeCpuLoop(): number {
  const timings: number[] = [];
  for (let round = 0; round < 9; round += 1) {
    const started = performance.now();
    let hash = 2166136261;
    for (let i = 0; i < 60_000_000; i += 1) hash = Math.imul(hash ^ i, 16777619) >>> 0;
    timings.push(performance.now() - started);
    // Keeps the loop from being optimised away.
    if (hash === -1) console.error(hash);
  }
  timings.sort((a, b) => a - b);
  return Math.round((timings[4] ?? Number.NaN) * 10) / 10;
}

export function calibration(startMs: number, endMs: number): Calibration {
  const drift = Math.round(((endMs - startMs) / startMs) * 1000) / 1000;
  return { startMs, endMs, drift, noisy: Math.abs(drift) > NOISE_LIMIT };
}
