/**
 * A load done once and kept: callers share the one in flight, and a failed one (a flaky network,
 * a deploy in between) is tried again on the next call.
 */
export function loadOnce<T>(load: () => Promise<T>) {
  let loaded: T | undefined;
  let pending: Promise<T> | undefined;
  return {
    load(): Promise<T> {
      pending ??= load().then(
        (value) => (loaded = value),
        (error: unknown) => {
          pending = undefined;
          throw error;
        },
      );
      return pending;
    },
    /** What has arrived, if it has. */
    current: (): T | undefined => loaded,
  };
}
