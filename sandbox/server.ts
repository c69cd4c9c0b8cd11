import { type Http2Bindings, type HttpBindings, serve } from '@hono/node-server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { AddressInfo } from 'node:net';
import { createSandbox, type Sandbox } from './create-sandbox';

export interface SandboxServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  token?: string;
  seedKeys?: number;
  /**
   * The process runs nothing but the sandbox (`npm run sandbox`, the dev server's child): let the
   * Node adapter replace the global Request and Response with its lightweight ones, which write
   * a handler's JSON straight to the socket instead of streaming it through a web Response.
   * Off by default, so that tests and servers running it in-process keep their globals.
   */
  ownProcess?: boolean;
}

export interface SandboxServer {
  url: string;
  port: number;
  token: string;
  /** Safe to pass around unbound. */
  close(): Promise<void>;
  sandbox: Sandbox;
}

export async function startSandboxServer(opts: SandboxServerOptions = {}): Promise<SandboxServer> {
  const host = opts.host ?? '127.0.0.1';
  const sandbox = createSandbox({ token: opts.token, seedKeys: opts.seedKeys });

  const fetch = async (request: Request, env: HttpBindings | Http2Bindings) => {
    // An API call's body straight off the socket: the gateway would otherwise read it through a
    // web Request built for nothing else, the most expensive step of a create. The test controls
    // (/__sandbox) read their own.
    const method = request.method;
    const preRead =
      method !== 'GET' && method !== 'HEAD' && env.incoming.url?.startsWith('/cloud/');
    const bodyText = preRead ? await readText(env.incoming) : undefined;
    const response = await sandbox.fetch(request, { ...env, bodyText });
    // Status, not `type`: reading `type` turns a lightweight response into a full one.
    if (response.status !== 0) return response;
    // Response.error() is the sandbox's "drop the connection": kill the socket so the client sees
    // a reset, and tell the node adapter the response is already handled.
    env.incoming.socket.destroy();
    return RESPONSE_ALREADY_SENT;
  };

  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    // Keep the global Request/Response untouched unless the process is the sandbox's own.
    const started = serve(
      {
        fetch,
        port: opts.port ?? 0,
        hostname: host,
        overrideGlobalObjects: opts.ownProcess === true,
      },
      () => resolve(started),
    );
    started.once('error', reject);
  });

  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const close = () =>
    new Promise<void>((resolve, reject) => {
      server.close((err) => (err ? reject(err) : resolve()));
      // Idle keep-alive sockets would otherwise hold close() open for seconds.
      if ('closeAllConnections' in server) server.closeAllConnections();
    });

  return { url: `http://${urlHost}:${port}`, port, token: sandbox.token, close, sandbox };
}

async function readText(incoming: AsyncIterable<Buffer | string>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}
