import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from './fake-upstream.ts';
import { spawnProductionServer, type ProductionProcess } from './spawn-production-server.ts';
import { startSsoProxy } from './sso-proxy.ts';

export type SsoProduction = {
  /** The stand-in Gcore API: what reached it. */
  readonly upstream: FakeUpstream;
  /** The production server's own port: a call here goes around the proxy. */
  readonly server: ProductionProcess;
  /** The SSO proxy's port: a call here comes from the signed-in `user`. */
  readonly proxyPort: number;
};

/**
 * For one test file: the production server (v2, shared token) behind the SSO proxy that
 * vouches for `user` with `secret`, started once and stopped after the file; `env` adds to
 * the server's settings.
 */
export function useSsoProduction(options: {
  user: string;
  secret: string;
  env?: Record<string, string>;
  startupMs: number;
}): SsoProduction {
  let upstream: FakeUpstream | undefined;
  let proxy: Server | undefined;
  let server: ProductionProcess | undefined;
  const proxyPort = () => (started(proxy).address() as AddressInfo).port;
  beforeAll(async () => {
    upstream = await startFakeUpstream();
    proxy = await startSsoProxy(() => started(server).port, {
      user: options.user,
      secret: options.secret,
    });
    server = await spawnProductionServer({
      GCORE_API_URL: upstream.url,
      GCORE_API_KEY: 'server-token',
      GCORE_API_VERSION: 'v2',
      // The proxy passes the browser's Host on (oauth2-proxy's default): the origin users open.
      PUBLIC_ORIGIN: `http://127.0.0.1:${proxyPort()}`,
      AUDIT_USER_HEADER: 'X-Forwarded-Email',
      AUDIT_PROXY_SECRET: options.secret,
      ...options.env,
    });
  }, options.startupMs);
  afterAll(async () => {
    await server?.stop();
    proxy?.closeAllConnections();
    await new Promise((done) => proxy?.close(done) ?? done(undefined));
    await upstream?.close();
  });
  return {
    get upstream() {
      return started(upstream);
    },
    get server() {
      return started(server);
    },
    get proxyPort() {
      return proxyPort();
    },
  };
}

function started<T>(piece: T | undefined): T {
  if (!piece) throw new Error('the SSO production set-up is used before its beforeAll ran');
  return piece;
}
