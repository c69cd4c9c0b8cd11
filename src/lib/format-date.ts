/**
 * The page's one date format: "1 Jan 2027, 06:59 GMT+1". Day before month and a 24-hour clock
 * read the same to every English reader, and the zone is always spelled out, so a time never
 * passes for another zone's. The page is in English, hence en-GB by default rather than the
 * browser's locale (which mixed "1/31/2025, 1:00:00 AM" with "12 Sept 2024" on one screen).
 * `locale` and `timeZone` are options for tests and for the few places that must pin them.
 */
export type DateFormatOptions = {
  /** An IANA zone; the browser's own when left out. */
  timeZone?: string;
  /** A BCP 47 tag; the page's language (en-GB) when left out. */
  locale?: string;
};

const PAGE_LOCALE = 'en-GB';
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(kind: Kind, options: DateFormatOptions) {
  const { locale = PAGE_LOCALE, timeZone } = options;
  const key = `${kind}|${locale}|${timeZone ?? ''}`;
  let format = formatters.get(key);
  if (!format) {
    const date = { day: 'numeric', month: 'short', year: 'numeric' } as const;
    const time = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;
    format = new Intl.DateTimeFormat(locale, {
      timeZone,
      ...(kind === 'time' ? {} : date),
      ...(kind === 'date' ? {} : { ...time, timeZoneName: 'shortOffset' }),
    });
    formatters.set(key, format);
  }
  return format;
}

type Kind = 'date-time' | 'date' | 'time';

const MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sept',
  'Oct',
  'Nov',
  'Dec',
];
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The page's own format (en-GB, on the browser's clock or UTC) written by hand, exactly as Intl
 * writes it (a property test holds the two equal). The first Intl formatter a page creates loads
 * ICU's data, 40–80 ms in Chromium, and the key list's first paint would pay it. Years outside
 * 1970–9999 (never an API date) and any other locale or zone go to Intl.
 */
function byHand(kind: Kind, date: Date, options: DateFormatOptions): string | null {
  const { locale = PAGE_LOCALE, timeZone } = options;
  const utc = timeZone === 'UTC';
  if (locale !== PAGE_LOCALE || (timeZone !== undefined && !utc)) return null;
  const year = utc ? date.getUTCFullYear() : date.getFullYear();
  if (!(year >= 1970 && year <= 9999)) return null;
  const day = `${utc ? date.getUTCDate() : date.getDate()} ${MONTHS[utc ? date.getUTCMonth() : date.getMonth()]} ${year}`;
  if (kind === 'date') return day;
  const offset = utc ? 0 : -date.getTimezoneOffset();
  const minutes = Math.abs(offset) % 60;
  const zone =
    offset === 0
      ? 'UTC'
      : `GMT${offset > 0 ? '+' : '-'}${Math.floor(Math.abs(offset) / 60)}${minutes ? `:${pad(minutes)}` : ''}`;
  const hours = utc ? date.getUTCHours() : date.getHours();
  const time = `${pad(hours)}:${pad(utc ? date.getUTCMinutes() : date.getMinutes())} ${zone}`;
  return kind === 'time' ? time : `${day}, ${time}`;
}

/** "GMT+0" and "GMT" are UTC: say so, as the UTC half of the page does. */
function withZone(format: Intl.DateTimeFormat, date: Date): string {
  return format
    .formatToParts(date)
    .map((part) =>
      part.type === 'timeZoneName' && /^GMT(\+0)?$/.test(part.value) ? 'UTC' : part.value,
    )
    .join('');
}

/** "1 Jan 2027, 06:59 GMT+1": the user's own clock, with its zone. */
export function formatDateTime(date: Date, options: DateFormatOptions = {}): string {
  return byHand('date-time', date, options) ?? withZone(formatter('date-time', options), date);
}

/** The same instant on the UTC clock: "1 Jan 2027, 05:59 UTC". */
export function formatUtc(date: Date, options: Omit<DateFormatOptions, 'timeZone'> = {}): string {
  return formatDateTime(date, { ...options, timeZone: 'UTC' });
}

/** True when the local clock reads as UTC at that instant (offset 0): one time says it all. */
export function isUtcClock(date: Date, options: DateFormatOptions = {}): boolean {
  return formatDateTime(date, options) === formatUtc(date, options);
}

/** "1 Jan 2027, 06:59 GMT+1 · 1 Jan 2027, 05:59 UTC", or the one time where both read the same. */
export function formatLocalAndUtc(date: Date, options: DateFormatOptions = {}): string {
  const local = formatDateTime(date, options);
  return isUtcClock(date, options) ? local : `${local} · ${formatUtc(date, options)}`;
}

/**
 * Where the exact instant matters (an expiry, say): local, then UTC in brackets, with the UTC date
 * only when it differs: "1 Jan 2027, 00:59 GMT-5 (05:59 UTC)", "31 Dec 2026, 23:30 GMT-5 (1 Jan
 * 2027, 04:30 UTC)".
 */
export function formatDateTimeWithUtc(date: Date, options: DateFormatOptions = {}): string {
  const local = formatDateTime(date, options);
  // On the UTC clock already: the brackets would only repeat it.
  if (isUtcClock(date, options)) return local;
  const utcOptions = { locale: options.locale, timeZone: 'UTC' };
  const sameDay = formatDate(date, options) === formatDate(date, utcOptions);
  const utc = sameDay ? formatTime(date, utcOptions) : formatUtc(date, options);
  return `${local} (${utc})`;
}

/** "1 Jan 2027" in the user's zone: for a column where the day is enough. */
export function formatDate(date: Date, options: DateFormatOptions = {}): string {
  return byHand('date', date, options) ?? formatter('date', options).format(date);
}

/** "06:59 GMT+1": a time today, e.g. "updated at". */
export function formatTime(date: Date, options: DateFormatOptions = {}): string {
  return byHand('time', date, options) ?? withZone(formatter('time', options), date);
}

/** The name other modules already import: the page's one local format. */
export const formatLocal = formatDateTime;
