import type { IncomingHttpHeaders } from 'node:http';

/** Far beyond any answer the dashboard reads (a page of keys is a few KiB). */
export const MAX_ANSWER_BYTES = 16 * 1024 * 1024;
export const ANSWER_TOO_LARGE = 'upstream answer over 16 MiB';

/**
 * Why an answer may not reach the page, or undefined. Only JSON (or an empty answer, a 204) is
 * passed: upstream HTML would render on the dashboard's own origin. Only plain bytes: the API is
 * asked for `identity`, and a compressed answer could unpack to far more than the cap.
 */
export function answerRefusal(headers: IncomingHttpHeaders, status: number): string | undefined {
  const encoding = headers['content-encoding'];
  if (encoding !== undefined && !/^identity$/i.test(encoding.trim())) {
    return `The API answered compressed (${encoding.slice(0, 40)}), which the dashboard’s server does not pass on.`;
  }
  const length = headers['content-length'];
  if (length !== undefined && Number(length) > MAX_ANSWER_BYTES) {
    return 'The API’s answer is larger than 16 MiB, more than the dashboard’s server passes on.';
  }
  if (status === 204 || length === '0') return undefined;
  const type = headers['content-type'] ?? '';
  if (/^application\/json\s*(?:;|$)/i.test(type)) return undefined;
  return `The API answered with ${type ? type.slice(0, 60) : 'no Content-Type'}, not JSON: not passed to the page.`;
}
