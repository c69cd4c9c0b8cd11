/** The one reader for whole-number settings: ports, time limits, sizes. */
export type IntegerRule = { min: number; max: number; what: string };

export const PORT_RULE: IntegerRule = { min: 0, max: 65535, what: 'a port number' };

/** Milliseconds from 100 ms to 10 minutes: anything else is a typo (`30` meant as seconds). */
export const MS_RULE: IntegerRule = {
  min: 100,
  max: 600_000,
  what: 'a whole number of milliseconds from 100 to 600000',
};

/** How many generated keys the sandbox adds to its seed, at start or by its reset route. */
export const SEED_KEYS_RULE: IntegerRule = {
  min: 0,
  max: 10_000,
  what: 'a whole number from 0 to 10000',
};

/**
 * `env[name]` as an integer within `rule`; unset or blank gives `fallback`. Throws at start-up
 * with a message naming the variable, so a typo never becomes a surprising default.
 */
export function readEnvInteger<F extends number | undefined>(
  env: Record<string, string | undefined>,
  name: string,
  rule: IntegerRule,
  fallback: F,
): number | F {
  const value = env[name];
  if (value === undefined || value.trim() === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < rule.min || number > rule.max) {
    throw new Error(`${name} must be ${rule.what}, got "${value}"`);
  }
  return number;
}
