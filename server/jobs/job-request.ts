import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorAnswer, NO_STORE, sendError } from '../cloud-answer.ts';
import { decodeJsonBody } from '../gateway/json-body.ts';
import { isJsonContentType, readBoundedBody } from '../gateway/read-bounded-body.ts';

export type Issue = {
  path: readonly PropertyKey[];
  message: string;
  code?: string;
  keys?: string[];
};

/** A JSON answer the page reads and no cache keeps (it lists who did what to which key). */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...NO_STORE,
  });
  res.end(text);
}

/**
 * The request's JSON body, bounded as the gateway bounds its own, or undefined once a refusal
 * has been sent (415, 413, 400 saying what is wrong with it).
 */
export async function readJsonBody(
  req: IncomingMessage,
  res: ServerResponse,
): Promise<{ value: unknown } | undefined> {
  if (!isJsonContentType(req.headers['content-type'])) {
    sendError(res, errorAnswer(415, 'UnsupportedMediaType', 'Send the job as application/json.'));
    return undefined;
  }
  const body = await readBoundedBody(req);
  if (!body.ok) {
    if (body.reason === 'aborted') res.destroy();
    else if (body.reason === 'too-large') {
      sendError(res, errorAnswer(413, 'PayloadTooLarge', 'The request body is too large.', true));
    } else {
      sendError(
        res,
        errorAnswer(400, 'InvalidRequestBody', 'Content-Length is not a number.', true),
      );
    }
    return undefined;
  }
  const verdict = decodeJsonBody(body.body);
  if (!verdict.ok) {
    sendError(res, errorAnswer(400, 'InvalidRequestBody', verdict.message));
    return undefined;
  }
  return { value: verdict.value };
}
