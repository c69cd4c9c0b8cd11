import type { IncomingMessage, ServerResponse } from 'node:http';
import { ANSWER_TOO_LARGE, MAX_ANSWER_BYTES } from './answer-guard.ts';

/** How the body's streaming ended: `failure` unless it all arrived; `kept` when asked and small. */
export type StreamedAnswer = { failure?: string; kept?: Buffer };

/** The failure of an exchange the browser ended: no fault of the API's nor of this server's. */
export const CLIENT_CLOSED = 'client closed the connection';
export const LOST_MID_BODY = 'upstream connection lost mid-body';

/**
 * Streams the API's answer to the browser under MAX_ANSWER_BYTES, keeping a copy of it when it
 * fits in `keepBytes` (0: none). One 'data' listener with back-pressure rather than
 * `stream.pipeline` and a Transform: every forward pays for them, and pipeline alone builds an
 * AbortController and aborts it (a DOMException with its stack) once per call.
 */
export function streamAnswer(
  answer: IncomingMessage,
  res: ServerResponse,
  keepBytes: number,
  done: (outcome: StreamedAnswer) => void,
): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let settled = false;
  const settle = (outcome: StreamedAnswer) => {
    if (settled) return;
    settled = true;
    done(outcome);
  };
  // Not one byte past the cap reaches the browser: the answer is cut before it is written.
  const cut = (failure: string) => {
    answer.destroy();
    res.destroy();
    settle({ failure });
  };
  answer.on('data', (chunk: Buffer) => {
    if (settled || res.destroyed) return;
    size += chunk.length;
    if (size > MAX_ANSWER_BYTES) return cut(ANSWER_TOO_LARGE);
    if (size <= keepBytes) chunks.push(chunk);
    if (!res.write(chunk)) {
      answer.pause();
      res.once('drain', () => answer.resume());
    }
  });
  answer.once('end', () => {
    if (!settled && !res.destroyed) res.end();
  });
  res.once('finish', () => {
    settle(keepBytes > 0 && size <= keepBytes ? { kept: Buffer.concat(chunks) } : {});
  });
  // A reset or hang-up before the last byte: the browser's answer must end in an error too.
  const lost = () => {
    if (answer.complete && !res.destroyed) return;
    cut(res.destroyed && !res.writableFinished ? CLIENT_CLOSED : LOST_MID_BODY);
  };
  answer.once('error', lost);
  answer.once('close', lost);
}
