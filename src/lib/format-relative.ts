export type RelativeUnit = 'year' | 'month' | 'week' | 'day' | 'hour' | 'minute' | 'second';

const UNITS: [RelativeUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/**
 * English, as `Intl.RelativeTimeFormat('en', { numeric: 'always' })` words it (a test holds the two
 * equal). Not Intl itself: creating that formatter loads its locale data, 30–130 ms on a fresh
 * page in Chromium, paid on the key list's first paint; the page speaks English only.
 */
export function inWords(value: number, unit: RelativeUnit): string {
  const count = Math.abs(value);
  // Thousands with commas, as Intl would ("in 7,973 years"), without its number formatter.
  const digits = String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const amount = `${digits} ${unit}${count === 1 ? '' : 's'}`;
  return value < 0 ? `${amount} ago` : `in ${amount}`;
}

/** "in 3 days", "2 hours ago": the largest unit that fits, rounded toward zero. */
export function formatRelative(date: Date, now: Date): string {
  const seconds = (date.getTime() - now.getTime()) / 1000;
  const abs = Math.abs(seconds);
  if (abs < 1) return 'now';
  for (const [unit, size] of UNITS) {
    if (abs >= size) return inWords(Math.trunc(seconds / size), unit);
  }
  return 'now';
}

/** "in 3 days" for a future expiry, "expired 2 hours ago" for a past one, "never expires" for none. */
export function formatExpiry(expiresAt: string | null, now: Date): string {
  if (!expiresAt) return 'never expires';
  const date = new Date(expiresAt);
  if (Number.isNaN(date.getTime())) return `unreadable date (${expiresAt})`;
  const text = formatRelative(date, now);
  return date.getTime() <= now.getTime() ? `expired ${text}` : text;
}
