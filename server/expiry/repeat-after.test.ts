import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { repeatAfter } from './repeat-after.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('repeatAfter', () => {
  it('runs at once, then an interval after each run ends', async () => {
    let runs = 0;
    const repeating = repeatAfter(async () => {
      runs += 1;
    }, 3_600_000);
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(3_599_999);
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toBe(2);
    await repeating.stop();
    await vi.advanceTimersByTimeAsync(10 * 3_600_000);
    expect(runs).toBe(2);
  });

  it('never starts a run while the last one is still going', async () => {
    let running = 0;
    let most = 0;
    let finish = () => {};
    const repeating = repeatAfter(async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise<void>((done) => {
        finish = done;
      });
      running -= 1;
    }, 1_000);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(running).toBe(1);
    finish();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(most).toBe(1);
    expect(running).toBe(1);
    finish();
    await repeating.stop();
  });

  it('keeps going after a run that failed', async () => {
    let runs = 0;
    const repeating = repeatAfter(async () => {
      runs += 1;
      throw new Error('the API is down');
    }, 1_000);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(runs).toBe(2);
    await repeating.stop();
  });
});
