import { apiErrorBodySchema } from './api-error-schema';
import { ApiError } from './api-error';

const STATUS_FALLBACK: Record<number, string> = {
  400: 'The API rejected the request as invalid.',
  401: 'The API did not accept the credentials.',
  403: 'The token is not allowed to do this.',
  404: 'Not found.',
  405: 'The API does not allow this method here.',
  409: 'This conflicts with something that already exists.',
  429: 'Too many requests.',
};

/** Turns any non-2xx answer, JSON or not (a gateway's HTML page), into an ApiError. */
export async function readApiError(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  const parsed = apiErrorBodySchema.safeParse(tryParseJson(text));
  const body = parsed.success ? parsed.data : {};
  const message =
    body.message ?? body.detail ?? STATUS_FALLBACK[response.status] ?? describeStatus(response);
  return new ApiError({
    kind: 'http',
    message,
    status: response.status,
    exceptionClass: body.exception_class ?? null,
    requestId: body.request_id ?? response.headers.get('x-request-id'),
    invalidFields: flattenInvalidFields(body.invalid_fields ?? {}),
    retryAfterSeconds: parseRetryAfter(response.headers.get('retry-after'), Date.now()),
  });
}

function describeStatus(response: Response): string {
  const text = response.statusText ? ` ${response.statusText}` : '';
  return response.status >= 500
    ? `The API failed (HTTP ${response.status}${text}).`
    : `The API answered HTTP ${response.status}${text}.`;
}

export function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Gcore nests messages per array item (`{"ids": {"0": ["…"]}}`); the form needs flat lists. */
export function flattenInvalidFields(fields: Record<string, unknown>): Record<string, string[]> {
  const flat: Record<string, string[]> = {};
  for (const [field, value] of Object.entries(fields)) {
    const messages = collectMessages(value);
    if (messages.length > 0) flat[field] = messages;
  }
  return flat;
}

function collectMessages(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(collectMessages);
  if (value && typeof value === 'object') return Object.values(value).flatMap(collectMessages);
  return [];
}

/** `Retry-After` is either delta-seconds or an HTTP date. */
export function parseRetryAfter(header: string | null, nowMs: number): number | null {
  if (header === null || header.trim() === '') return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - nowMs) / 1000));
}
