/** What a job's steps see of time (the server's `JobClock` has the same shape). */
type StepClock = {
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
};

type Sleeper = { wakeAt: number; resolve: () => void };

/**
 * The one clock of the in-process sandbox in component tests and of the server's job steps in
 * their tests (setup.ts puts it in place of the real one). The wall clock runs on, but a job's wait between two polls
 * moves it forward at once by the wait: a v3 task ends after the polls Gcore's would take, never
 * after some real milliseconds, so how busy the machine is changes nothing.
 *
 * `pause()` makes every wait hold until `resume()`: a test sees a job in progress, polled and
 * unfinished, for as long as it looks, then lets it go on.
 */
export class TestClock implements StepClock {
  #skipped = 0;
  #paused = false;
  #sleepers: Sleeper[] = [];

  now = (): number => Date.now() + this.#skipped;

  /** The sandbox's `now`. */
  date = (): Date => new Date(this.now());

  sleep = (ms: number, signal?: AbortSignal): Promise<void> => {
    signal?.throwIfAborted();
    return new Promise<void>((resolve, reject) => {
      const sleeper: Sleeper = { wakeAt: this.now() + ms, resolve };
      signal?.addEventListener(
        'abort',
        () => {
          this.#sleepers = this.#sleepers.filter((s) => s !== sleeper);
          reject(signal.reason as Error);
        },
        { once: true },
      );
      if (this.#paused) this.#sleepers.push(sleeper);
      else this.#wake(sleeper);
    });
  };

  pause(): void {
    this.#paused = true;
  }

  /** Wakes the waits held since `pause()`, earliest first, and lets the next ones pass at once. */
  resume(): void {
    this.#paused = false;
    const held = this.#sleepers.splice(0).sort((a, b) => a.wakeAt - b.wakeAt);
    for (const sleeper of held) this.#wake(sleeper);
  }

  /** While paused: time moves on by `ms`, and the waits that end by then end, as they would. */
  advance(ms: number): void {
    this.#skipped += ms;
    const now = this.now();
    const due = this.#sleepers.filter((s) => s.wakeAt <= now).sort((a, b) => a.wakeAt - b.wakeAt);
    this.#sleepers = this.#sleepers.filter((s) => s.wakeAt > now);
    for (const sleeper of due) sleeper.resolve();
  }

  /** Between tests: running again, and a wait left from the last test never ends. */
  reset(): void {
    this.#paused = false;
    this.#sleepers = [];
  }

  #wake(sleeper: Sleeper): void {
    this.#skipped += Math.max(0, sleeper.wakeAt - this.now());
    sleeper.resolve();
  }
}

export const testClock = new TestClock();
