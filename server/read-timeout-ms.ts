/** The browser's time limit per API call; unset keeps the app's default (30 s). */
export function readTimeoutMs(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 100 || ms > 600_000) {
    throw new Error(
      `GCORE_API_TIMEOUT_MS must be a whole number of milliseconds from 100 to 600000, got "${value}"`,
    );
  }
  return ms;
}
