export const EXPIRY_PRESETS = [
  { value: 'never', label: 'Never' },
  { value: '7d', label: '7 days' },
  { value: '30d', label: '30 days' },
  { value: '60d', label: '60 days' },
  { value: '90d', label: '90 days' },
  { value: '1y', label: '1 year' },
  { value: 'custom', label: 'Custom' },
] as const;

export type ExpiryPreset = (typeof EXPIRY_PRESETS)[number]['value'];

export const DEFAULT_EXPIRY_PRESET: ExpiryPreset = '30d';

/** A custom expiry must be at least this far ahead, so it is still ahead when the API sees it. */
export const MIN_EXPIRY_MARGIN_MS = 60_000;

const PRESET_DAYS: Partial<Record<ExpiryPreset, number>> = {
  '7d': 7,
  '30d': 30,
  '60d': 60,
  '90d': 90,
};

export type ExpiryChoice = { preset: ExpiryPreset; custom: string };

/**
 * The instant a choice stands for, or null for Never. Presets count calendar days in the local
 * zone, so "30 days" keeps the wall-clock time across a DST change. Returns undefined when a
 * custom value is missing or not a date.
 */
export function resolveExpiry(choice: ExpiryChoice, now: Date): Date | null | undefined {
  if (choice.preset === 'never') return null;
  if (choice.preset === 'custom') return parseLocalDateTime(choice.custom);
  const at = new Date(now.getTime());
  at.setMilliseconds(0);
  if (choice.preset === '1y') at.setFullYear(at.getFullYear() + 1);
  else at.setDate(at.getDate() + (PRESET_DAYS[choice.preset] ?? 0));
  return at;
}

/** Reads a `datetime-local` value (`YYYY-MM-DDTHH:mm[:ss]`) in the browser's time zone. */
export function parseLocalDateTime(value: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return undefined;
  const [year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0] = match
    .slice(1)
    .map((part) => Number(part ?? 0));
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  // setFullYear, unlike the constructor, keeps years 0–99 as written instead of making them 19xx.
  const date = new Date(2000, 0, 1, 12);
  date.setFullYear(year, month - 1, day);
  date.setHours(hour, minute, second, 0);
  // Rejects overflow such as 2026-02-31, which Date would silently roll into March.
  return date.getDate() === day && date.getMonth() === month - 1 ? date : undefined;
}

/** The API's format: ISO 8601 in UTC with `Z`, to the second. */
export function toUtcIso(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The value a `datetime-local` input shows for an instant, in the local zone. */
export function toLocalInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}
