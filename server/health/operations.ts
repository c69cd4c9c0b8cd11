import type { ApiGeneration } from '../api-generation.ts';
import { readKeyExpiries } from '../expiry/key-expiry-reader.ts';
import { createDashboardMetrics } from '../metrics/dashboard-metrics.ts';
import { createKeyExpiryMetrics, PERSONAL_MODE_NOTE } from '../metrics/key-expiry-metrics.ts';
import { startKeyExpiryRefresh } from '../metrics/key-expiry-refresh.ts';
import { startMetricsListener } from '../metrics/metrics-listener.ts';
import { scrapeOf } from '../metrics/metrics-scrape.ts';
import type { OperationsSettings } from '../metrics/operations-settings.ts';
import { operationsEndpoints } from './operations-endpoints.ts';
import { asCheck, createReadiness, upstreamCheck } from './readiness.ts';

export type OperationsOptions = OperationsSettings & {
  apiUrl: string;
  /** The shared token; undefined in personal sign-in (no key expiry metric then). */
  serverToken: string | undefined;
  generation: { current(): ApiGeneration | null };
  /** Throws unless the jobs database answers (`SELECT 1`). */
  database: () => Promise<void>;
  writeLine: (line: string) => void;
  fetch?: typeof fetch;
};

/**
 * Health, readiness and metrics of one server process: the middleware for the main port, the
 * observers the gateway and the jobs report to, the expiry reads and the METRICS_PORT listener
 * (`listen`). The keys are read only with the shared token and only when the metrics can be
 * scraped at all (METRICS_TOKEN or METRICS_PORT): reading every project hourly for no one would
 * be load on the API for nothing. `close` stops the reads and the listener.
 */
export function createOperations(options: OperationsOptions) {
  const target = { apiUrl: options.apiUrl, fetch: options.fetch };
  const upstream = upstreamCheck({ ...target, token: options.serverToken });
  const metrics = createDashboardMetrics(upstream);
  const token = options.serverToken;
  const scraped = options.metricsToken !== undefined || options.metricsPort !== undefined;
  const refresh =
    token === undefined || !scraped
      ? undefined
      : startKeyExpiryRefresh({
          intervalMs: options.expiryCheckIntervalMs,
          metrics: createKeyExpiryMetrics(metrics.registry),
          writeLine: options.writeLine,
          read: async () => {
            const generation = options.generation.current();
            if (!generation) throw new Error('the API generation is not decided yet');
            return readKeyExpiries({ ...target, token, generation });
          },
        });
  const scrape = scrapeOf(metrics.registry, token === undefined ? [PERSONAL_MODE_NOTE] : []);
  let listener: Awaited<ReturnType<typeof startMetricsListener>> | undefined;
  const readiness = createReadiness({
    database: asCheck('the jobs database', options.database),
    upstream,
  });
  return {
    middleware: operationsEndpoints({ readiness, scrape, metricsToken: options.metricsToken }),
    gateway: metrics.gateway,
    observeJob: metrics.observeJob,
    /** Starts the METRICS_PORT listener, if one is asked for; resolves to its port. */
    async listen(): Promise<number | undefined> {
      const { metricsPort: port, metricsHost: host } = options;
      if (port === undefined) return undefined;
      listener = await startMetricsListener({ port, host, scrape });
      return listener.port;
    },
    /** Reads the keys' expiry now (tests; the timer does it otherwise). */
    refreshExpiry: () => refresh?.refresh() ?? Promise.resolve(),
    async close() {
      await refresh?.stop();
      await listener?.close();
    },
  };
}

export type Operations = ReturnType<typeof createOperations>;
