export type Repeating = { stop(): Promise<void> };

/**
 * Runs `task` now, then `intervalMs` after each run ends, so two runs never overlap however slow
 * one is. The timer does not hold the process open; `stop` waits for a run in progress.
 */
export function repeatAfter(task: () => Promise<void>, intervalMs: number): Repeating {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = task()
      .catch(() => {})
      .then(() => {
        if (stopped) return;
        timer = setTimeout(run, intervalMs);
        timer.unref();
      });
  };
  run();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
