/** How long a rotation's old key keeps working; `delayMs` null: until someone says "Retire now". */
export type GraceOption = { value: string; label: string; delayMs: number | null };

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

const NOW: GraceOption = { value: 'now', label: 'Now', delayMs: 0 };
const SCHEDULED: GraceOption[] = [
  { value: '1h', label: '1 hour', delayMs: HOUR_MS },
  { value: '24h', label: '24 hours', delayMs: DAY_MS },
  { value: '7d', label: '7 days', delayMs: 7 * DAY_MS },
];
export const MANUAL_GRACE: GraceOption = {
  value: 'manual',
  label: 'I’ll retire it myself',
  delayMs: null,
};

/** "In 5 seconds", "In 30 minutes": the largest whole unit that says the minimum exactly. */
function inWordsExactly(ms: number): string {
  const seconds = Math.round(ms / 1000);
  const [value, unit]: [number, Intl.RelativeTimeFormatUnit] =
    seconds % 60 !== 0 ? [seconds, 'second'] : [seconds / 60, 'minute'];
  const words = new Intl.RelativeTimeFormat('en', { numeric: 'always' }).format(value, unit);
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * What the server allows: "now" and "manual" always; a scheduled grace only from its minimum up,
 * and, where that minimum is under an hour (a test set-up), one option of exactly the minimum.
 */
export function graceOptions(minDelayMs: number): GraceOption[] {
  const scheduled = SCHEDULED.filter((option) => (option.delayMs ?? 0) >= minDelayMs);
  const shortest =
    minDelayMs > 0 && minDelayMs < HOUR_MS
      ? [{ value: 'min', label: inWordsExactly(minDelayMs), delayMs: minDelayMs }]
      : [];
  return [NOW, ...shortest, ...scheduled, MANUAL_GRACE];
}

/** 24 hours, or the smallest allowed grace above it; holding the key when none is. */
export function defaultGrace(options: readonly GraceOption[]): GraceOption {
  return (
    options.find((option) => option.delayMs !== null && option.delayMs >= DAY_MS) ?? MANUAL_GRACE
  );
}

/**
 * When the retirement may run: now + grace, in whole seconds rounded up so the grace is never
 * shorter than the one chosen; or null to hold it.
 */
export function retireAt(option: GraceOption, now: Date): string | null {
  if (option.delayMs === null) return null;
  const at = Math.ceil((now.getTime() + option.delayMs) / 1000) * 1000;
  return new Date(at).toISOString().replace(/\.000Z$/, 'Z');
}
