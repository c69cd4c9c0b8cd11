import { connect } from 'node:net';
import { REQUESTED_BY } from '../../src/lib/request-header.ts';

export type RawRequest = {
  method: string;
  /** Sent byte for byte: fetch clients would normalise `..`, `%2e%2e` and backslashes away. */
  target: string;
  headers?: Record<string, string>;
  body?: string;
  /** latin1 sends one byte per character: bytes that are not UTF-8. utf8 by default. */
  bodyEncoding?: 'utf8' | 'latin1';
  /** Gives up (and parses what came) after this long without a byte; 10 s by default. */
  timeoutMs?: number;
};

export type RawResponse = {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** False when the connection ended before the body did (a cut chunked or sized body). */
  complete: boolean;
};

/** As the dashboard's own page sends it: same-origin, with its header, JSON when it has a body. */
export function sendFromDashboard(port: number, request: RawRequest): Promise<RawResponse> {
  const json: Record<string, string> = request.body ? { 'content-type': 'application/json' } : {};
  const headers = { 'sec-fetch-site': 'same-origin', ...REQUESTED_BY, ...json, ...request.headers };
  return sendRawRequest(port, { ...request, headers });
}

/** One HTTP/1.1 exchange over a fresh socket to 127.0.0.1, for tests of path and body rules. */
export function sendRawRequest(port: number, request: RawRequest): Promise<RawResponse> {
  const headers: Record<string, string> = {
    host: `127.0.0.1:${port}`,
    connection: 'close',
    ...request.headers,
  };
  if (request.body !== undefined && !headers['content-length'] && !headers['transfer-encoding']) {
    headers['content-length'] = String(Buffer.byteLength(request.body, request.bodyEncoding));
  }
  const head = [`${request.method} ${request.target} HTTP/1.1`]
    .concat(Object.entries(headers).map(([name, value]) => `${name}: ${value}`))
    .join('\r\n');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(port, '127.0.0.1', () => {
      const body = Buffer.from(request.body ?? '', request.bodyEncoding ?? 'utf8');
      socket.write(Buffer.concat([Buffer.from(`${head}\r\n\r\n`), body]));
    });
    socket.setTimeout(request.timeoutMs ?? 10_000, () => socket.destroy());
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    // A server that refuses a request may close before reading it all; what it sent still counts.
    socket.on('error', (error) => (chunks.length ? undefined : reject(error)));
    socket.on('close', () => {
      try {
        // latin1 keeps one character per byte, so chunk sizes can be counted on the string.
        resolve(parseResponse(Buffer.concat(chunks).toString('latin1')));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}

function parseResponse(text: string): RawResponse {
  const split = text.indexOf('\r\n\r\n');
  if (split < 0) throw new Error(`No complete HTTP response: ${JSON.stringify(text)}`);
  const [statusLine = '', ...lines] = text.slice(0, split).split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1]);
  const headers = Object.fromEntries(
    lines.map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()];
    }),
  );
  const rest = text.slice(split + 4);
  const chunked = headers['transfer-encoding'] === 'chunked';
  const { body, complete } = chunked ? unchunk(rest) : sized(rest, headers['content-length']);
  return { status, headers, body: Buffer.from(body, 'latin1').toString('utf8'), complete };
}

function sized(text: string, length: string | undefined) {
  return { body: text, complete: length === undefined || text.length >= Number(length) };
}

function unchunk(text: string): { body: string; complete: boolean } {
  let body = '';
  let at = 0;
  for (;;) {
    const lineEnd = text.indexOf('\r\n', at);
    if (lineEnd < 0) return { body, complete: false };
    const size = parseInt(text.slice(at, lineEnd), 16);
    if (size === 0) return { body, complete: true };
    if (Number.isNaN(size) || lineEnd + 2 + size > text.length) return { body, complete: false };
    body += text.slice(lineEnd + 2, lineEnd + 2 + size);
    at = lineEnd + 2 + size + 2;
  }
}
