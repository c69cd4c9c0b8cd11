import { getRequestListener } from '@hono/node-server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readEnvInteger } from '../shared/read-env-integer';
import { type ApiVersion, createSandbox, type SandboxOptions } from './create-sandbox';

/** `port` 0 (the default) picks a free one. */
export type SandboxServerOptions = SandboxOptions & { port?: number; host?: string };

export type SandboxServer = Awaited<ReturnType<typeof startSandboxServer>>;

export async function startSandboxServer(opts: SandboxServerOptions = {}) {
  const host = opts.host ?? '127.0.0.1';
  const sandbox = createSandbox({
    ...opts,
    apiVersions: opts.apiVersions ?? readApiVersions(process.env.SANDBOX_API_VERSIONS),
    taskDurationMs:
      opts.taskDurationMs ?? readEnvInteger(process.env, 'SANDBOX_TASK_MS', TASK_MS, undefined),
  });
  // The node adapter answers 400 to a Host it cannot parse or that does not match the URL.
  // Global Request and Response stay untouched: servers and tests run the sandbox in-process.
  const listener = getRequestListener(
    async (request, env) => {
      const response = await sandbox.fetch(request, env);
      if (response.status !== 0) return response;
      // Response.error() is the sandbox's "drop the connection": kill the socket so the client
      // sees a reset, and tell the node adapter the response is already handled.
      env.incoming.socket.destroy();
      return RESPONSE_ALREADY_SENT;
    },
    { hostname: host, overrideGlobalObjects: false },
  );
  const server = createServer(listener);
  // Rejects with the 'error' event (such as EADDRINUSE) if listening fails.
  await once(server.listen(opts.port ?? 0, host), 'listening');

  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  // Safe to pass around unbound.
  const close = () =>
    new Promise<void>((resolve, reject) => {
      server.close((err) => (err ? reject(err) : resolve()));
      // Idle keep-alive sockets would otherwise hold close() open for seconds.
      server.closeAllConnections();
    });

  return { url: `http://${urlHost}:${port}`, port, token: sandbox.token, close, sandbox };
}

/** `SANDBOX_API_VERSIONS=v2` (or `v3`, `v2,v3`): which generations the sandbox serves. */
function readApiVersions(raw = ''): ApiVersion[] {
  if (raw.trim() === '') return ['v2', 'v3'];
  const versions = raw.split(',').map((v) => v.trim());
  if (versions.every((v): v is ApiVersion => v === 'v2' || v === 'v3')) return versions;
  throw new Error(`SANDBOX_API_VERSIONS takes v2, v3 or v2,v3; got "${raw}".`);
}

const TASK_MS = { min: 0, max: 600_000, what: 'a whole number of milliseconds from 0 to 600000' };
