import { Counter, Gauge, type Registry } from 'prom-client';
import type { ExpiringKey } from '../expiry/expiry-keys.ts';
import type { KeyCheckConsumer } from '../expiry/key-expiry-source.ts';

/** More keys than this are left out (and counted): a scrape must stay small whatever the account holds. */
export const MAX_KEY_SERIES = 10_000;

export const KEY_EXPIRY_METRIC = 'gcore_inference_api_key_expiry_timestamp_seconds';

/** Why the expiry metric is absent in personal sign-in: a comment line in the scrape says it. */
export const PERSONAL_MODE_NOTE = `# ${KEY_EXPIRY_METRIC} is absent: with personal sign-in (no GCORE_API_KEY) the server holds no token to read the keys with.`;

export type KeyExpiryMetrics = {
  /** Replaces every key series with what one complete read found. */
  recordRead(expiries: readonly ExpiringKey[], at: Date): void;
  recordFailure(): void;
};

/**
 * The expiry of every key that has one, as a gauge per project and key (keys that never expire
 * have no series), the time of the last complete read, and failed reads: an alert on expiring
 * keys means nothing if the reads stopped, so that is alertable too.
 */
export function createKeyExpiryMetrics(
  registry: Registry,
  maxSeries: number = MAX_KEY_SERIES,
): KeyExpiryMetrics {
  const expiry = new Gauge({
    name: KEY_EXPIRY_METRIC,
    help: 'When each API key expires, as a Unix time; keys that never expire are not listed.',
    labelNames: ['project', 'key'],
    registers: [registry],
  });
  const truncated = new Gauge({
    name: 'gcore_inference_api_key_expiry_truncated',
    help: `Keys with an expiry left out of ${KEY_EXPIRY_METRIC} past ${maxSeries} series.`,
    registers: [registry],
  });
  const lastRead = new Gauge({
    name: 'gcore_inference_api_key_expiry_last_read_timestamp_seconds',
    help: 'When every project’s keys were last read completely, as a Unix time.',
    registers: [registry],
  });
  const failures = new Counter({
    name: 'gcore_inference_api_key_expiry_read_failures_total',
    help: 'Reads of the keys’ expiry that failed (the API refused, timed out or answered oddly).',
    registers: [registry],
  });
  return {
    recordRead(expiries, at) {
      expiry.reset();
      // The soonest first: if any are left out, the ones an alert needs are kept.
      const sorted = [...expiries].sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime());
      for (const entry of sorted.slice(0, maxSeries)) {
        const labels = { project: String(entry.projectId), key: entry.keyName };
        expiry.set(labels, entry.expiresAt.getTime() / 1000);
      }
      truncated.set(Math.max(0, sorted.length - maxSeries));
      lastRead.set(at.getTime() / 1000);
    },
    recordFailure: () => failures.inc(),
  };
}

/**
 * The metric's share of each key check. Only a complete reading replaces the figures: a project
 * that could not be read would look like keys that no longer expire, so the last complete
 * figures stay and the failure is counted (an alert on stale reads says so).
 */
export function keyExpiryMetricsConsumer(metrics: KeyExpiryMetrics): KeyCheckConsumer {
  return (check) => {
    if (!check.ok || check.reading.failures.length > 0) return metrics.recordFailure();
    metrics.recordRead(check.reading.keys, check.at);
  };
}
