/**
 * Runs `callback` once the next frame has been painted and the browser has nothing more urgent
 * to do (at most `timeoutMs` later), for work the user cannot see yet: it then never delays that
 * frame, nor whatever the browser had already queued behind it. Returns a cancel function.
 */
export function afterPaintWhenIdle(callback: () => void, timeoutMs = 500): () => void {
  let cancelLater = () => {};
  const frame = requestAnimationFrame(() => {
    if (typeof requestIdleCallback === 'function') {
      const idle = requestIdleCallback(callback, { timeout: timeoutMs });
      cancelLater = () => cancelIdleCallback(idle);
    } else {
      const timer = setTimeout(callback);
      cancelLater = () => clearTimeout(timer);
    }
  });
  return () => {
    cancelAnimationFrame(frame);
    cancelLater();
  };
}
