import { afterNextPaint } from './after-next-paint';

/** However busy the page stays, the work is done within this long. */
const LONGEST_WAIT_MS = 2_000;

/**
 * Runs `callback` in an idle period of the main thread: for work nobody is waiting for yet
 * (fetching a dialog's chunk before anyone opens it), so it never shares a task with the first
 * screen's reads and renders. One call, one task: several calls never add up to a long task.
 * Where the browser has no idle callbacks (Safari), just after the next paint. Returns a cancel
 * function, for an effect's cleanup.
 */
export function whenIdle(callback: () => void): () => void {
  const { requestIdleCallback: request, cancelIdleCallback: cancel } = globalThis;
  if (typeof request !== 'function') return afterNextPaint(callback);
  const id = request(callback, { timeout: LONGEST_WAIT_MS });
  return () => cancel(id);
}
