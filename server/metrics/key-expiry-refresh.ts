import type { KeyExpiry } from '../expiry/key-expiry-reader.ts';
import type { KeyExpiryMetrics } from './key-expiry-metrics.ts';

export type KeyExpiryRefreshOptions = {
  /** EXPIRY_CHECK_INTERVAL_MS. */
  intervalMs: number;
  read: () => Promise<KeyExpiry[]>;
  metrics: KeyExpiryMetrics;
  writeLine: (line: string) => void;
  now?: () => Date;
};

/**
 * Reads the keys' expiry at start and every `intervalMs`, never two reads at once. A failed read
 * keeps the last complete figures (an expiring key must not vanish from the alerts because the
 * API hiccuped) and is counted and logged.
 */
export function startKeyExpiryRefresh(options: KeyExpiryRefreshOptions) {
  const now = options.now ?? (() => new Date());
  let running: Promise<void> | undefined;
  const refresh = (): Promise<void> => {
    running ??= options
      .read()
      .then((expiries) => options.metrics.recordRead(expiries, now()))
      .catch((error: unknown) => {
        options.metrics.recordFailure();
        const reason = error instanceof Error ? error.message : String(error);
        options.writeLine(
          JSON.stringify({ type: 'error', msg: 'reading the keys’ expiry failed', error: reason }),
        );
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const timer = setInterval(() => void refresh(), options.intervalMs);
  timer.unref();
  void refresh();
  return {
    refresh,
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
