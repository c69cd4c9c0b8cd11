/**
 * What a wall-clock time in a named zone means, worked out with Intl alone (never with `Date`'s
 * local-time methods or the code under test), for checking local → UTC conversions.
 */
export interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export type Reading =
  | { kind: 'unique'; instant: number }
  /** Clocks went back: the wall time happened twice; `instants` ascending. */
  | { kind: 'ambiguous'; instants: [number, number] }
  /** Clocks went forward over it: it never happened. */
  | { kind: 'gap'; offsetBefore: number; offsetAfter: number };

const MINUTE = 60_000;
const DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, format);
  }
  return format;
}

/** The wall clock in `zone` at an instant. */
export function wallAt(zone: string, instant: number): Wall {
  const parts = formatter(zone).formatToParts(new Date(instant));
  const field = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value);
  return {
    year: field('year'),
    month: field('month'),
    day: field('day'),
    hour: field('hour'),
    minute: field('minute'),
    second: field('second'),
  };
}

/** The wall clock's fields read as if they were UTC: a zone-free count of wall milliseconds. */
export function wallMs(w: Wall): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

export function wallFromMs(ms: number): Wall {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** The zone's UTC offset at an instant, in ms (east positive). */
export function offsetAt(zone: string, instant: number): number {
  const whole = Math.floor(instant / 1000) * 1000;
  return wallMs(wallAt(zone, whole)) - whole;
}

/**
 * Every instant whose wall clock in `zone` is `wall`. Offsets change at most once within a day
 * in the zones tested, so the offsets a day either side are the only candidates.
 */
export function readWall(zone: string, wall: Wall): Reading {
  const local = wallMs(wall);
  const offsetBefore = offsetAt(zone, local - DAY);
  const offsetAfter = offsetAt(zone, local + DAY);
  const instants = [...new Set([local - offsetBefore, local - offsetAfter])]
    .filter((instant) => wallMs(wallAt(zone, instant)) === local)
    .sort((a, b) => a - b);
  const [first, second] = instants;
  if (first === undefined) return { kind: 'gap', offsetBefore, offsetAfter };
  if (second === undefined) return { kind: 'unique', instant: first };
  return { kind: 'ambiguous', instants: [first, second] };
}

export interface Transition {
  /** The first instant with the new offset. */
  at: number;
  offsetBefore: number;
  offsetAfter: number;
}

const transitionCache = new Map<string, Transition[]>();

/** The zone's offset changes during a UTC year, to the minute (weekly scan, then bisection). */
export function transitionsIn(zone: string, year: number): Transition[] {
  const cacheKey = `${zone} ${year}`;
  const cached = transitionCache.get(cacheKey);
  if (cached) return cached;
  const found: Transition[] = [];
  const end = Date.UTC(year + 1, 0, 1);
  for (let from = Date.UTC(year, 0, 1); from < end; from += 7 * DAY) {
    const to = Math.min(from + 7 * DAY, end);
    const offsetBefore = offsetAt(zone, from);
    const offsetAfter = offsetAt(zone, to);
    if (offsetBefore === offsetAfter) continue;
    let lo = from / MINUTE;
    let hi = to / MINUTE;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (offsetAt(zone, mid * MINUTE) === offsetBefore) lo = mid;
      else hi = mid;
    }
    found.push({ at: hi * MINUTE, offsetBefore, offsetAfter });
  }
  transitionCache.set(cacheKey, found);
  return found;
}
