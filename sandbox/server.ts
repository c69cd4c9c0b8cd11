import { getRequestListener, type Http2Bindings, type HttpBindings } from '@hono/node-server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostAccepted } from './accepted-host';
import { createSandbox, type Sandbox } from './create-sandbox';
import type { Fallback } from './fast-path';
import { readBodyText } from './node-bindings';

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
  /**
   * Serve the hottest calls straight off Node's request and response (the default). Off sends
   * every request through Hono: the reference the fast path is tested against.
   */
  fastPath?: boolean;
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

  /** Bodies the fast path read before handing the request on. */
  const bodiesRead = new WeakMap<object, string>();
  const fetch = async (request: Request, env: HttpBindings | Http2Bindings) => {
    // An API call's body straight off the socket: the gateway would otherwise read it through a
    // web Request built for nothing else, the most expensive step of a create. The fast path
    // may have read it already. The test controls (/__sandbox) read their own.
    const method = request.method;
    const preRead =
      method !== 'GET' && method !== 'HEAD' && env.incoming.url?.startsWith('/cloud/');
    const bodyText = preRead
      ? (bodiesRead.get(env.incoming) ?? (await readBodyText(env.incoming)))
      : undefined;
    const response = await sandbox.fetch(request, { ...env, bodyText });
    // Status, not `type`: reading `type` turns a lightweight response into a full one.
    if (response.status !== 0) return response;
    // Response.error() is the sandbox's "drop the connection": kill the socket so the client sees
    // a reset, and tell the node adapter the response is already handled.
    env.incoming.socket.destroy();
    return RESPONSE_ALREADY_SENT;
  };

  // Keep the global Request/Response untouched unless the process is the sandbox's own.
  const listener = getRequestListener(fetch, {
    hostname: host,
    overrideGlobalObjects: opts.ownProcess === true,
  });
  const fallback: Fallback = (incoming, outgoing, bodyText) => {
    if (bodyText !== undefined) bodiesRead.set(incoming, bodyText);
    void listener(incoming, outgoing);
  };
  const fastPath = opts.fastPath === false ? undefined : sandbox.fastPath;
  const server = createServer((incoming, outgoing) => {
    // Hosts the node adapter refuses (a 400) never take the fast path.
    if (fastPath && hostAccepted(incoming.headers.host || host)) {
      fastPath(incoming, outgoing, fallback);
    } else {
      fallback(incoming, outgoing);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const close = () =>
    new Promise<void>((resolve, reject) => {
      server.close((err) => (err ? reject(err) : resolve()));
      // Idle keep-alive sockets would otherwise hold close() open for seconds.
      server.closeAllConnections();
    });

  return { url: `http://${urlHost}:${port}`, port, token: sandbox.token, close, sandbox };
}
