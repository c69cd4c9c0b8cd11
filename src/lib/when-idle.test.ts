import { afterEach, describe, expect, it, vi } from 'vitest';
import { whenIdle } from './when-idle';

afterEach(() => vi.unstubAllGlobals());

/** A browser whose idle periods and frames come only when the test says. */
function stubBrowser({ idle }: { idle: boolean }) {
  const idleQueue = new Map<number, { run: () => void; timeout?: number }>();
  const frames: (() => void)[] = [];
  let next = 1;
  if (idle) {
    vi.stubGlobal('requestIdleCallback', (run: () => void, options?: { timeout?: number }) => {
      idleQueue.set(next, { run, timeout: options?.timeout });
      return next++;
    });
    vi.stubGlobal('cancelIdleCallback', (id: number) => idleQueue.delete(id));
  }
  vi.stubGlobal('requestAnimationFrame', (run: () => void) => frames.push(run));
  vi.stubGlobal('cancelAnimationFrame', () => undefined);
  return {
    idleQueue,
    goIdle: () => [...idleQueue.values()].forEach((entry) => entry.run()),
    paint: () => frames.splice(0).forEach((run) => run()),
  };
}

describe('whenIdle', () => {
  it('waits for an idle period, not the next paint, and bounds the wait', () => {
    vi.useFakeTimers();
    const browser = stubBrowser({ idle: true });
    const work = vi.fn();
    whenIdle(work);
    browser.paint();
    vi.runAllTimers();
    expect(work).not.toHaveBeenCalled();
    // A page that never goes idle still gets it done.
    expect([...browser.idleQueue.values()][0]?.timeout).toBeGreaterThan(0);
    browser.goIdle();
    expect(work).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
  });

  it('runs nothing once cancelled', () => {
    const browser = stubBrowser({ idle: true });
    const work = vi.fn();
    whenIdle(work)();
    browser.goIdle();
    expect(work).not.toHaveBeenCalled();
  });

  it('falls back to just after the next paint where the browser has no idle callbacks', () => {
    vi.useFakeTimers();
    const browser = stubBrowser({ idle: false });
    const work = vi.fn();
    whenIdle(work);
    vi.runAllTimers();
    expect(work).not.toHaveBeenCalled();
    browser.paint();
    vi.runAllTimers();
    expect(work).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
  });
});
