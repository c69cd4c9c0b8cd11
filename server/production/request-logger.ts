import { newRequestId } from '../cloud-answer.ts';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** `/cloud/v2/x?limit=10&name=y` → `/cloud/v2/x?limit=&name=`: values may be personal. */
export function pathWithoutQueryValues(url: string): string {
  const [path, query] = url.split('?', 2);
  if (query === undefined) return path ?? '';
  const keys = query.split('&').map((pair) => `${pair.split('=', 1)[0]}=`);
  return `${path}?${keys.join('&')}`;
}

/**
 * One JSON line per request, written when it ends. Never headers or bodies: those carry tokens
 * and secrets.
 */
export function logRequests(
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const started = process.hrtime.bigint();
    if (!res.hasHeader('x-request-id')) res.setHeader('x-request-id', newRequestId());
    let logged = false;
    const log = (status: number) => {
      if (logged) return;
      logged = true;
      const upstreamId = res.getHeader('x-upstream-request-id');
      write(
        JSON.stringify({
          time: new Date().toISOString(),
          method: req.method,
          path: pathWithoutQueryValues(req.url ?? ''),
          status,
          duration_ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
          request_id: String(res.getHeader('x-request-id') ?? ''),
          // The API's own id, beside ours: support needs both to follow one call.
          upstream_request_id: upstreamId === undefined ? undefined : String(upstreamId),
        }),
      );
    };
    res.once('finish', () => log(res.statusCode));
    // 499: the client went away before the answer was complete.
    res.once('close', () => log(res.writableFinished ? res.statusCode : 499));
  };
}
