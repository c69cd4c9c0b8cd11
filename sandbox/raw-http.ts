import { connect } from 'node:net';

export interface RawResponse {
  /** The status line, e.g. `HTTP/1.1 200 OK`; '' when the connection closed without one. */
  statusLine: string;
  /** In the order sent; names lower-cased (HTTP does not care), Date left out. */
  headers: [string, string][];
  body: string;
}

/**
 * Sends `request` (raw HTTP/1.1, `\r\n` line ends) on a fresh connection marked
 * `Connection: close` and reads the whole answer: for tests that must control every byte sent,
 * such as a Host header fetch would never send, and see every byte received.
 */
export function rawRequest(port: number, request: string): Promise<RawResponse> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(parse(Buffer.concat(chunks).toString('utf8'))));
    socket.write(request.replace('\r\n\r\n', '\r\nConnection: close\r\n\r\n'));
  });
}

function parse(text: string): RawResponse {
  const split = text.indexOf('\r\n\r\n');
  if (split === -1) return { statusLine: '', headers: [], body: text };
  const [statusLine = '', ...lines] = text.slice(0, split).split('\r\n');
  const headers = lines
    .map((line): [string, string] => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()];
    })
    .filter(([name]) => name !== 'date');
  return { statusLine, headers, body: text.slice(split + 4) };
}

/** A GET or HEAD with the given extra header lines (each ending in `\r\n`). */
export function rawGet(path: string, headerLines: string, method = 'GET'): string {
  return `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${headerLines}\r\n`;
}

/** A request with a body, Content-Length set. */
export function rawWithBody(method: string, path: string, headerLines: string, body: string) {
  const length = Buffer.byteLength(body);
  return `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${headerLines}Content-Length: ${length}\r\n\r\n${body}`;
}
