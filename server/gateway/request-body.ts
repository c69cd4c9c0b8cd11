import type { IncomingMessage } from 'node:http';
import { errorAnswer, type ErrorAnswer } from '../cloud-answer.ts';
import {
  hasBody,
  isJsonContentType,
  MAX_BODY_BYTES,
  readBoundedBody,
} from './read-bounded-body.ts';
import { forbiddenFields, type RouteRule } from './route-table.ts';

export type BodyVerdict =
  | { ok: true; body: Buffer | undefined; parsed: unknown }
  /** No answer: the client went away mid-body, there is no one to answer. */
  | { ok: false; answer: ErrorAnswer | undefined };

/**
 * The body a route takes, or why it is refused: JSON only (a cross-site form cannot send that
 * without a preflight), 64 KiB counted while reading, only the fields the route allows. A route
 * without a body refuses one. The parsed body is kept only to name the key in the audit line.
 */
export async function readRequestBody(req: IncomingMessage, rule: RouteRule): Promise<BodyVerdict> {
  if (!rule.body) {
    if (!hasBody(req)) return { ok: true, body: undefined, parsed: undefined };
    return refused(400, 'UnexpectedBody', 'This call takes no body.', true);
  }
  if (!isJsonContentType(req.headers['content-type'])) {
    const message = 'API request bodies must be sent as Content-Type: application/json.';
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
  let parsed: unknown;
  try {
    parsed = JSON.parse(read.body.toString('utf8'));
  } catch {
    return refused(400, 'InvalidJson', 'The request body is not valid JSON.', false);
  }
  const extra = forbiddenFields(rule, parsed);
  if (extra.length > 0) {
    const message = `The dashboard may not change these fields here: ${extra.join(', ')}.`;
    return refused(403, 'ForbiddenField', message, false);
  }
  return { ok: true, body: read.body, parsed };
}

function refused(status: number, exceptionClass: string, message: string, close: boolean) {
  return { ok: false as const, answer: errorAnswer(status, exceptionClass, message, close) };
}
