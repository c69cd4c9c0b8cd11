import { readEnvInteger } from '../../shared/read-env-integer.ts';

export type ExpirySettings = {
  /** Where warnings are posted; unset: no expiry checks at all. A secret: never logged. */
  webhookUrl: URL | undefined;
  intervalMs: number;
  /** The origin the message's link points at (PUBLIC_ORIGIN's first); unset: no link. */
  publicOrigin: string | undefined;
};

export const DEFAULT_EXPIRY_CHECK_INTERVAL_MS = 3_600_000;

/**
 * ALERT_WEBHOOK_URL, EXPIRY_CHECK_INTERVAL_MS and PUBLIC_ORIGIN, read once at start; a bad value
 * stops the server with the variable's name. An incoming-webhook URL carries its credential in
 * its path, so errors name only its scheme and host.
 */
export function readExpirySettings(env: Record<string, string | undefined>): ExpirySettings {
  return {
    webhookUrl: readWebhookUrl(env.ALERT_WEBHOOK_URL?.trim() || undefined),
    intervalMs: readEnvInteger(
      env,
      'EXPIRY_CHECK_INTERVAL_MS',
      // A minute at least: every check reads every project's keys through the API.
      {
        min: 60_000,
        max: 86_400_000,
        what: 'a whole number of milliseconds from 60000 to 86400000',
      },
      DEFAULT_EXPIRY_CHECK_INTERVAL_MS,
    ),
    publicOrigin: readFirstOrigin(env.PUBLIC_ORIGIN),
  };
}

function readWebhookUrl(value: string | undefined): URL | undefined {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error('ALERT_WEBHOOK_URL must be a URL like https://hooks.slack.com/services/…');
  }
  if (url.protocol === 'https:') return url;
  // Plain http only where nothing crosses a network: a local receiver in tests.
  if (url.protocol === 'http:' && isLoopback(url.hostname)) return url;
  throw new Error(
    `ALERT_WEBHOOK_URL must use https:// (http:// only on loopback), got ${url.protocol}//${url.host}`,
  );
}

export function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

function readFirstOrigin(value: string | undefined): string | undefined {
  const first = (value ?? '').split(',')[0]?.trim();
  if (!first) return undefined;
  try {
    const url = new URL(first);
    if (url.origin !== 'null' && url.href === `${url.origin}/`) return url.origin;
  } catch {
    // Named below, as for any other malformed entry.
  }
  throw new Error(
    `PUBLIC_ORIGIN entries are origins like https://keys.example.com, got "${first}"`,
  );
}
