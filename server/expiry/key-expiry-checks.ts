import type { ApiGeneration } from '../api-generation.ts';
import type { JobIdentity } from '../gateway/job-identity.ts';
import type { JobsService } from '../jobs/jobs-service.ts';
import { readExpiringKeys } from './expiry-keys.ts';
import { expiryWarnings, type ExpiryWarningsOptions } from './expiry-warnings.ts';
import { loopbackGet } from './loopback-get.ts';
import {
  startKeyExpirySource,
  type KeyCheckConsumer,
  type KeyExpirySource,
} from './key-expiry-source.ts';

export type KeyExpiryChecksOptions = {
  /** EXPIRY_CHECK_INTERVAL_MS. */
  intervalMs: number;
  sharedToken: boolean;
  port: () => number;
  identity: JobIdentity;
  generation: () => ApiGeneration | null;
  /** Those switched off are undefined. */
  consumers: readonly (KeyCheckConsumer | undefined)[];
  writeLine: (line: string) => void;
  clock?: () => Date;
};

const IDLE: KeyExpirySource = { check: async () => {}, stop: async () => {} };

/**
 * The one read of every project's keys, through this server's own gateway, for whoever uses it.
 * Nothing is read without the shared token or without a consumer: reading every project hourly
 * for no one would be load on the API for nothing.
 */
export function startKeyExpiryChecks(options: KeyExpiryChecksOptions): KeyExpirySource {
  const consumers = options.consumers.filter((consumer) => consumer !== undefined);
  if (!options.sharedToken || consumers.length === 0) return IDLE;
  return startKeyExpirySource({
    intervalMs: options.intervalMs,
    consumers,
    writeLine: options.writeLine,
    clock: options.clock,
    read: async (signal) => {
      const generation = options.generation();
      if (!generation) throw new Error('the API generation is not known yet');
      return readExpiringKeys(loopbackGet({ ...options, signal }), generation);
    },
  });
}

export type WithKeyExpiryChecksOptions = Omit<ExpiryWarningsOptions, 'db'> &
  Omit<KeyExpiryChecksOptions, 'intervalMs' | 'consumers'> & {
    /** The expiry metric's share, when `/metrics` is served with the shared token. */
    metrics: KeyCheckConsumer | undefined;
  };

/**
 * The jobs service with the key checks feeding the metric and the webhook warnings (claimed in
 * its database): they start once the server's port is known, and stop before the database closes.
 */
export function withKeyExpiryChecks(
  jobs: JobsService,
  options: WithKeyExpiryChecksOptions,
): JobsService {
  const warnings = expiryWarnings({ ...options, db: jobs.db });
  const checks = startKeyExpiryChecks({
    ...options,
    intervalMs: options.settings.intervalMs,
    consumers: [options.metrics, warnings],
  });
  return {
    ...jobs,
    async close() {
      await checks.stop();
      await jobs.close();
    },
  };
}
