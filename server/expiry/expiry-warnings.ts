import { randomUUID } from 'node:crypto';
import type { ApiGeneration } from '../api-generation.ts';
import type { JobIdentity } from '../gateway/job-identity.ts';
import type { Queryable } from '../jobs/database.ts';
import type { JobsService } from '../jobs/jobs-service.ts';
import { expiryAlerts } from './expiry-alerts.ts';
import { createExpiryChecker } from './expiry-checker.ts';
import { readExpiringKeys } from './expiry-keys.ts';
import type { ExpirySettings } from './expiry-settings.ts';
import { loopbackGet } from './loopback-get.ts';
import { repeatAfter } from './repeat-after.ts';
import { webhookPoster, type PostMessage } from './webhook-post.ts';

export type ExpiryWarningsOptions = {
  settings: ExpirySettings;
  /** Personal sign-in has no token to read keys with while no one is looking. */
  sharedToken: boolean;
  /** The jobs database: where each warning is claimed once across replicas. */
  db: Queryable;
  port: () => number;
  identity: JobIdentity;
  generation: () => ApiGeneration | null;
  writeLine: (line: string) => void;
  clock?: () => Date;
  post?: PostMessage;
};

export type ExpiryWarnings = { stop(): Promise<void> };

export const NEEDS_SERVER_TOKEN =
  'expiry warnings need a server token (GCORE_API_KEY): in personal sign-in no key is checked';

/**
 * Checks every project's keys at start and every EXPIRY_CHECK_INTERVAL_MS, and posts each warning
 * that is due to ALERT_WEBHOOK_URL. Stopping aborts the check's calls and waits for it to end,
 * so the database it writes to can close after.
 */
export function startExpiryWarnings(options: ExpiryWarningsOptions): ExpiryWarnings {
  const { settings, writeLine } = options;
  if (!settings.webhookUrl) return { stop: async () => {} };
  if (!options.sharedToken) {
    writeLine(JSON.stringify({ type: 'expiry', msg: NEEDS_SERVER_TOKEN }));
    return { stop: async () => {} };
  }
  const clock = options.clock ?? (() => new Date());
  const stopping = new AbortController();
  const get = loopbackGet({ ...options, signal: stopping.signal });
  const checker = createExpiryChecker({
    readKeys: async () => {
      const generation = options.generation();
      if (!generation) throw new Error('the API generation is not known yet');
      return readExpiringKeys(get, generation);
    },
    alerts: expiryAlerts(options.db, randomUUID(), clock),
    post: options.post ?? webhookPoster(settings.webhookUrl),
    clock,
    publicOrigin: settings.publicOrigin,
    writeLine,
  });
  writeLine(
    JSON.stringify({ type: 'expiry', msg: 'expiry warnings on', interval_ms: settings.intervalMs }),
  );
  const repeating = repeatAfter(async () => {
    try {
      await checker.check();
    } catch (error) {
      if (stopping.signal.aborted) return;
      writeLine(
        JSON.stringify({ type: 'expiry', msg: 'expiry check failed', error: String(error) }),
      );
    }
  }, settings.intervalMs);
  return {
    async stop() {
      stopping.abort();
      await repeating.stop();
    },
  };
}

/** The jobs service with the warnings on its database: they stop before the database closes. */
export function withExpiryWarnings(
  jobs: JobsService,
  options: Omit<ExpiryWarningsOptions, 'db'>,
): JobsService {
  const warnings = startExpiryWarnings({ ...options, db: jobs.db });
  return {
    ...jobs,
    async close() {
      await warnings.stop();
      await jobs.close();
    },
  };
}
