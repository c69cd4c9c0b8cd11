import type { IncomingMessage } from 'node:http';
import { errorAnswer, type ErrorAnswer } from '../cloud-answer.ts';
import {
  hasBody,
  isJsonContentType,
  MAX_BODY_BYTES,
  readBoundedBody,
} from './read-bounded-body.ts';
import { decodeJsonBody } from './json-body.ts';
import type { RouteRule } from './route-table.ts';

export type BodyVerdict =
  | { ok: true; body: Buffer | undefined; parsed: unknown }
  /** No answer: the client went away mid-body, there is no one to answer. */
  | { ok: false; answer: ErrorAnswer | undefined };

/**
 * The body a route takes, or why it is refused: JSON in UTF-8 only (a cross-site form cannot send
 * that without a preflight), 64 KiB counted while reading, then parsed with the route's contract.
 * `body` is that parsed value re-serialised: what the API gets is exactly what was checked (one
 * of duplicate keys, escapes decoded, no whitespace), never the bytes that came in. A route
 * without a body refuses one. `parsed` also names the key in the audit line.
 */
export async function readRequestBody(req: IncomingMessage, rule: RouteRule): Promise<BodyVerdict> {
  if (!rule.body) {
    if (!hasBody(req)) return { ok: true, body: undefined, parsed: undefined };
    return refused(400, 'UnexpectedBody', 'This call takes no body.', true);
  }
  const contentType = req.headers['content-type'];
  if (!isJsonContentType(contentType) || !isUtf8(contentType)) {
    const message = 'API request bodies must be sent as Content-Type: application/json in UTF-8.';
    return refused(415, 'UnsupportedMediaType', message, true);
  }
  const read = await readBoundedBody(req);
  if (!read.ok) {
    if (read.reason === 'aborted') return { ok: false, answer: undefined };
    if (read.reason === 'bad-length') {
      return refused(400, 'InvalidContentLength', 'The Content-Length is not a number.', true);
    }
    const message = `API request bodies are limited to ${MAX_BODY_BYTES} bytes.`;
    return refused(413, 'PayloadTooLarge', message, true);
  }
  const json = decodeJsonBody(read.body);
  if (!json.ok) return refused(400, 'InvalidJson', json.message, false);
  const result = rule.body.contract.safeParse(json.value);
  if (!result.success) {
    const unknown = result.error.issues.flatMap((issue) =>
      issue.code === 'unrecognized_keys' ? issue.keys : [],
    );
    if (unknown.length > 0) {
      const message = `The dashboard never sends these fields on this call: ${unknown.join(', ')}.`;
      return refused(403, 'ForbiddenByGateway', message, false);
    }
    const problems = result.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`);
    return refused(400, 'InvalidRequestBody', problems.join('; '), false);
  }
  return { ok: true, body: Buffer.from(JSON.stringify(result.data)), parsed: result.data };
}

/** No charset, or UTF-8: JSON's own encoding, the only one re-serialised bodies use. */
function isUtf8(contentType: string | undefined): boolean {
  const charset = /;\s*charset\s*=\s*"?([^";\s]*)/i.exec(contentType ?? '')?.[1];
  return charset === undefined || /^utf-8$/i.test(charset);
}

function refused(status: number, exceptionClass: string, message: string, close: boolean) {
  return { ok: false as const, answer: errorAnswer(status, exceptionClass, message, close) };
}
