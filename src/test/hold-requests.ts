import { onTestFinished } from 'vitest';

/**
 * Holds every request of one method until `release()`, so a test decides when an answer comes
 * back instead of waiting on a delay. Wraps whatever `fetch` is in place (the sandbox's), for
 * the calling test only.
 */
export function holdRequests(method: string): { release: () => void } {
  const inner = globalThis.fetch;
  let release = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  globalThis.fetch = async (input, init) => {
    const asked = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    if (asked === method.toUpperCase()) await gate;
    return inner(input, init);
  };
  onTestFinished(() => {
    globalThis.fetch = inner;
    release();
  });
  return { release: () => release() };
}
