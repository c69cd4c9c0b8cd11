import { randomUUID } from 'node:crypto';
import type { Queryable } from '../jobs/database.ts';
import { expiryAlerts } from './expiry-alerts.ts';
import { createExpiryChecker } from './expiry-checker.ts';
import type { ExpirySettings } from './expiry-settings.ts';
import type { KeyCheckConsumer } from './key-expiry-source.ts';
import { webhookPoster, type PostMessage } from './webhook-post.ts';

export type ExpiryWarningsOptions = {
  settings: ExpirySettings;
  /** Personal sign-in has no token to read keys with while no one is looking. */
  sharedToken: boolean;
  /** The jobs database: where each warning is claimed once across replicas. */
  db: Queryable;
  writeLine: (line: string) => void;
  clock?: () => Date;
  post?: PostMessage;
};

export const NEEDS_SERVER_TOKEN =
  'expiry warnings need a server token (GCORE_API_KEY): in personal sign-in no key is checked';

/**
 * The webhook's share of each key check: every warning that is due is posted to
 * ALERT_WEBHOOK_URL. Undefined when there is no webhook, or no token to read the keys with
 * (said once).
 */
export function expiryWarnings(options: ExpiryWarningsOptions): KeyCheckConsumer | undefined {
  const { settings, writeLine } = options;
  if (!settings.webhookUrl) return undefined;
  if (!options.sharedToken) {
    writeLine(JSON.stringify({ type: 'expiry', msg: NEEDS_SERVER_TOKEN }));
    return undefined;
  }
  const clock = options.clock ?? (() => new Date());
  const checker = createExpiryChecker({
    alerts: expiryAlerts(options.db, randomUUID(), clock),
    post: options.post ?? webhookPoster(settings.webhookUrl),
    clock,
    publicOrigin: settings.publicOrigin,
    writeLine,
  });
  writeLine(
    JSON.stringify({ type: 'expiry', msg: 'expiry warnings on', interval_ms: settings.intervalMs }),
  );
  return async (check) => {
    if (check.ok) await checker.check(check.reading);
  };
}
