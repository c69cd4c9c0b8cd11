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
    const response = await sandbox.fetch(request, env);
    if (response.type !== 'error') return response;
    // Response.error() is the sandbox's "drop the connection": kill the socket so the client sees
    // a reset, and tell the node adapter the response is already handled.
    env.incoming.socket.destroy();
    return RESPONSE_ALREADY_SENT;
  };

  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    // Keep the global Request/Response untouched: tests run the server in their own process.
    const started = serve(
      { fetch, port: opts.port ?? 0, hostname: host, overrideGlobalObjects: false },
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
