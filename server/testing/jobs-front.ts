import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import { REQUESTED_BY } from '../../src/lib/request-header.ts';
import type { NodeMiddleware } from '../gateway/node-middleware.ts';
import { listenOnLoopback } from './loopback-server.ts';

export type Answer = { status: number; headers: IncomingHttpHeaders; body: unknown };
export type CallOptions = { headers?: Record<string, string>; body?: unknown };
export type Call = (method: string, path: string, options?: CallOptions) => Promise<Answer>;

/** A bare node:http server around one middleware (404 past it), and a client that may set Host. */
export async function startMiddlewareFront(middleware: NodeMiddleware) {
  const server = createServer((req, res) =>
    middleware(req, res, () => {
      res.writeHead(404).end();
    }),
  );
  const port = await listenOnLoopback(server);
  return {
    port,
    call: serverCaller(port),
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/**
 * Calls a server on 127.0.0.1:`port` as the dashboard's page does (its request header, JSON),
 * with Host `host` (the port itself unless told): a balancer in front passes on the public one.
 */
export function serverCaller(port: number, host = `127.0.0.1:${port}`): Call {
  return (method, path, options = {}) =>
    new Promise((resolve, reject) => {
      const body = options.body === undefined ? undefined : JSON.stringify(options.body);
      const headers: Record<string, string> = {
        host,
        ...REQUESTED_BY,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...options.headers,
      };
      const req = request({ port, host: '127.0.0.1', method, path, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parse(text) });
        });
      });
      req.on('error', reject);
      req.end(body);
    });
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
