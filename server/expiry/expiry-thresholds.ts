export type Threshold = '14d' | '7d' | '1d' | 'expired';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Most urgent first: a key is due the smallest threshold it has crossed. */
const BEFORE_EXPIRY: readonly [Threshold, number][] = [
  ['1d', DAY_MS],
  ['7d', 7 * DAY_MS],
  ['14d', 14 * DAY_MS],
];
/**
 * How long after its expiry a key is still announced as expired. Longer ago is old news: a first
 * start must not post every key that died last year, the noise that gets a webhook muted.
 */
export const EXPIRED_NEWS_MS = 14 * DAY_MS;

/**
 * The warning a key is due now, if any. Only the most urgent crossed threshold: a key first seen
 * 5 days before its expiry gets the 7-day warning, not the 14-day one as well.
 */
export function dueThreshold(expiresAt: Date, now: Date): Threshold | undefined {
  const left = expiresAt.getTime() - now.getTime();
  if (left <= 0) return -left <= EXPIRED_NEWS_MS ? 'expired' : undefined;
  return BEFORE_EXPIRY.find(([, before]) => left <= before)?.[0];
}

/** "7 days", "1 day", "5 hours", "less than an hour": what is left, as a person says it. */
export function timeLeft(expiresAt: Date, now: Date): string {
  const left = expiresAt.getTime() - now.getTime();
  const hour = 60 * 60 * 1000;
  if (left < hour) return 'less than an hour';
  if (left < DAY_MS) return plural(Math.floor(left / hour), 'hour');
  return plural(Math.round(left / DAY_MS), 'day');
}

const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? '' : 's'}`;
