/**
 * Label values from fixed sets only, so a scanner sending odd methods or a flood of unusual
 * statuses cannot grow the number of series.
 */
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
const STATUSES = new Set([
  200, 201, 202, 204, 304, 400, 401, 403, 404, 405, 409, 413, 415, 421, 422, 429, 499, 500, 502,
  503, 504,
]);

export function methodLabel(method: string): string {
  return METHODS.has(method) ? method : 'other';
}

/** The code when it is one the dashboard meets; otherwise its class (`4xx`). */
export function statusLabel(status: number): string {
  if (STATUSES.has(status)) return String(status);
  const family = Math.floor(status / 100);
  return family >= 1 && family <= 5 ? `${family}xx` : 'other';
}

export function oneOf<T extends string>(value: string, allowed: readonly T[]): T | 'other' {
  return (allowed as readonly string[]).includes(value) ? (value as T) : 'other';
}
