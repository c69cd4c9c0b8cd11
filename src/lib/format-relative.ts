const relative = new Intl.RelativeTimeFormat('en', { numeric: 'always' });

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** "in 3 days", "2 hours ago": the largest unit that fits, rounded toward zero. */
export function formatRelative(date: Date, now: Date): string {
  const seconds = (date.getTime() - now.getTime()) / 1000;
  const abs = Math.abs(seconds);
  if (abs < 1) return 'now';
  for (const [unit, size] of UNITS) {
    if (abs >= size) return relative.format(Math.trunc(seconds / size), unit);
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
