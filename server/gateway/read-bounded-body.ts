import type { IncomingMessage } from 'node:http';

export const MAX_BODY_BYTES = 64 * 1024;

export type BodyResult =
  { ok: true; body: Buffer } | { ok: false; reason: 'too-large' | 'aborted' | 'bad-length' };

/**
 * The request body, counted as it arrives (chunked or not) and never buffered past `limit`:
 * reading stops at the first byte over, and the caller answers 413 and closes the connection.
 */
export function readBoundedBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<BodyResult> {
  const length = req.headers['content-length'];
  if (length !== undefined && !/^\d+$/.test(length)) {
    return Promise.resolve({ ok: false, reason: 'bad-length' });
  }
  if (length !== undefined && Number(length) > limit) {
    return Promise.resolve({ ok: false, reason: 'too-large' });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: BodyResult) => {
      req.off('data', onData).off('end', onEnd).off('error', onAbort).off('aborted', onAbort);
      if (!result.ok) req.pause();
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) return finish({ ok: false, reason: 'too-large' });
      chunks.push(chunk);
    };
    const onEnd = () => finish({ ok: true, body: Buffer.concat(chunks, size) });
    const onAbort = () => finish({ ok: false, reason: 'aborted' });
    req.on('data', onData).on('end', onEnd).on('error', onAbort).on('aborted', onAbort);
  });
}

/** A request that claims a body: a non-zero Content-Length or any Transfer-Encoding. */
export function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** `application/json`, with or without parameters (`; charset=utf-8`). */
export function isJsonContentType(value: string | undefined): boolean {
  return /^application\/json\s*(?:;|$)/i.test(value ?? '');
}
