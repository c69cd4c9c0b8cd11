import { onTestFinished } from 'vitest';

type Gate = { open: () => void; opened: Promise<void> };

function gate(): Gate {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

/**
 * Holds the app's requests that `held` picks until the test lets them through: a request stays
 * in flight for as long as the test looks, where a delay would race a busy machine. Returns
 * `letThrough(path)` (every held path when none is given). The fetch in place before comes back
 * when the test ends.
 */
export function holdRequests(
  held: (method: string, path: string) => boolean,
): (path?: string) => void {
  const inner = globalThis.fetch;
  const all = gate();
  const byPath = new Map<string, Gate>();
  const gateOf = (path: string) => {
    const found = byPath.get(path) ?? gate();
    byPath.set(path, found);
    return found;
  };
  globalThis.fetch = async (input, init) => {
    const source = input instanceof Request ? input : undefined;
    const path = new URL(source?.url ?? input.toString(), globalThis.location.href).pathname;
    const method = (init?.method ?? source?.method ?? 'GET').toUpperCase();
    if (held(method, path)) {
      const signal = init?.signal ?? source?.signal;
      const aborted = new Promise<never>((_, reject) =>
        signal?.addEventListener('abort', () => reject(signal.reason as Error), { once: true }),
      );
      await Promise.race([gateOf(path).opened, all.opened, aborted]);
    }
    return inner(input, init);
  };
  onTestFinished(() => {
    globalThis.fetch = inner;
  });
  return (path) => (path === undefined ? all.open() : gateOf(path).open());
}
