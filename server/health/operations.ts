import { loopbackFetch } from '../expiry/loopback-get.ts';
import type { JobIdentity } from '../gateway/job-identity.ts';
import { createDashboardMetrics } from '../metrics/dashboard-metrics.ts';
import {
  createKeyExpiryMetrics,
  keyExpiryMetricsConsumer,
  PERSONAL_MODE_NOTE,
} from '../metrics/key-expiry-metrics.ts';
import { startMetricsListener } from '../metrics/metrics-listener.ts';
import { scrapeOf } from '../metrics/metrics-scrape.ts';
import type { OperationsSettings } from '../metrics/operations-settings.ts';
import { operationsEndpoints } from './operations-endpoints.ts';
import { asCheck, createReadiness, upstreamCheck } from './readiness.ts';

export type OperationsOptions = OperationsSettings & {
  /** False in personal sign-in: no token to read keys with, no key expiry metric then. */
  sharedToken: boolean;
  /** The server's own port and its calls' identity: the API is asked through the gateway. */
  port: () => number;
  identity: JobIdentity;
  /** Throws unless the jobs database answers (`SELECT 1`). */
  database: () => Promise<void>;
};

/** The readiness probe's calls, as the gateway's audit names them. */
const READINESS_USER = 'readiness check';
/** Below the readiness check's own deadline: an abandoned call must not linger. */
const PROBE_TIMEOUT_MS = 3_000;

/**
 * Health, readiness and metrics of one server process: the middleware for the main port, the
 * observers the gateway and the jobs report to, the expiry metric's share of the key checks
 * (`keyExpiry`: only with the shared token and only when the metrics can be scraped at all,
 * METRICS_TOKEN or METRICS_PORT) and the METRICS_PORT listener (`listen`). `close` stops it.
 */
export function createOperations(options: OperationsOptions) {
  const upstream = upstreamCheck(
    loopbackFetch({ ...options, user: READINESS_USER, timeoutMs: PROBE_TIMEOUT_MS }),
  );
  const metrics = createDashboardMetrics(upstream);
  const scraped = options.metricsToken !== undefined || options.metricsPort !== undefined;
  const keyExpiry =
    options.sharedToken && scraped
      ? keyExpiryMetricsConsumer(createKeyExpiryMetrics(metrics.registry))
      : undefined;
  const scrape = scrapeOf(metrics.registry, options.sharedToken ? [] : [PERSONAL_MODE_NOTE]);
  let listener: Awaited<ReturnType<typeof startMetricsListener>> | undefined;
  const readiness = createReadiness({
    database: asCheck('the jobs database', options.database),
    upstream,
  });
  return {
    middleware: operationsEndpoints({ readiness, scrape, metricsToken: options.metricsToken }),
    gateway: metrics.gateway,
    observeJob: metrics.observeJob,
    keyExpiry,
    /** Starts the METRICS_PORT listener, if one is asked for; resolves to its port. */
    async listen(): Promise<number | undefined> {
      const { metricsPort: port, metricsHost: host } = options;
      if (port === undefined) return undefined;
      listener = await startMetricsListener({ port, host, scrape });
      return listener.port;
    },
    async close() {
      await listener?.close();
    },
  };
}

export type Operations = ReturnType<typeof createOperations>;
