import { afterNextPaint } from './after-next-paint';

/** However busy the page stays, the work is done within this long. */
const LONGEST_WAIT_MS = 2_000;

/** An idle callback and its cancel; null where the browser has none (Safari). */
function requestIdle(callback: () => void, timeoutMs: number): (() => void) | null {
  const { requestIdleCallback: request, cancelIdleCallback: cancel } = globalThis;
  if (typeof request !== 'function') return null;
  const id = request(callback, { timeout: timeoutMs });
  return () => cancel(id);
}

/**
 * Runs `callback` in an idle period of the main thread: for work nobody is waiting for yet
 * (fetching a dialog's chunk before anyone opens it), so it never shares a task with the first
 * screen's reads and renders. One call, one task: several calls never add up to a long task.
 * Where the browser has no idle callbacks, just after the next paint. Returns a cancel
 * function, for an effect's cleanup.
 */
export function whenIdle(callback: () => void): () => void {
  return requestIdle(callback, LONGEST_WAIT_MS) ?? afterNextPaint(callback);
}

/**
 * Runs `callback` once the next frame has been painted and the browser has nothing more urgent
 * to do (at most `timeoutMs` later), for work the user cannot see yet: it then never delays that
 * frame, nor whatever the browser had already queued behind it. Returns a cancel function.
 */
export function afterPaintWhenIdle(callback: () => void, timeoutMs = 500): () => void {
  let cancelIdle = () => {};
  const cancelPaint = afterNextPaint(() => {
    const cancel = requestIdle(callback, timeoutMs);
    if (cancel) cancelIdle = cancel;
    else callback();
  });
  return () => {
    cancelPaint();
    cancelIdle();
  };
}
