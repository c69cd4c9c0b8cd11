import { onTestFinished } from 'vitest';

const META = 'meta[name="gcore-api-timeout-ms"]';

function setTimeoutMeta(ms: number): void {
  document.head.querySelector(META)?.remove();
  const meta = Object.assign(document.createElement('meta'), {
    name: 'gcore-api-timeout-ms',
    content: String(ms),
  });
  document.head.append(meta);
}

/**
 * Sets the page's API time-out (a meta tag, as the server would) from now to the end of the
 * running test: for a request that is never answered, since a short time-out on every call would
 * race the answers of a busy machine.
 */
export function apiTimeoutForThisTest(ms: number): void {
  setTimeoutMeta(ms);
  onTestFinished(() => document.head.querySelector(META)?.remove());
}
