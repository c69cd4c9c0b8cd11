import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createViteServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiTarget } from './api-target';
import {
  itForwardsLikeTheDashboard,
  OWN_CSP,
  startFakeUpstream,
  type FakeUpstream,
} from './cloud-forward-cases';
import { cloudProxyOptions } from './cloud-proxy';
import { CLOUD_PREFIX, cloudRequestGuard } from './cloud-request-guard';
import { sendRawRequest } from './send-raw-request';

let upstream: FakeUpstream;
let cacheDir: string;
const closers: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  upstream = await startFakeUpstream();
  // The dep optimizer must not touch the cache of the dev servers others run from this repo.
  cacheDir = await mkdtemp(join(tmpdir(), 'cloud-proxy-test-'));
});

afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
  await upstream.close();
  await rm(cacheDir, { recursive: true, force: true });
});

/** Vite's real proxy with our options and guard, as the dev server runs them. */
async function frontFor(target: Omit<ApiTarget, 'close' | 'kind'>): Promise<string> {
  const vite = await createViteServer({
    configFile: false,
    envFile: false,
    root: import.meta.dirname,
    cacheDir,
    logLevel: 'silent',
    appType: 'custom',
    optimizeDeps: { noDiscovery: true, include: [] },
    server: {
      middlewareMode: true,
      hmr: false,
      ws: false,
      watch: null,
      proxy: {
        [CLOUD_PREFIX]: cloudProxyOptions({ kind: 'remote', close: async () => {}, ...target }),
      },
    },
    plugins: [
      {
        name: 'guard-and-own-headers',
        configureServer(server) {
          server.middlewares.use((_req, res, next) => {
            res.setHeader('content-security-policy', OWN_CSP);
            next();
          });
          server.middlewares.use(cloudRequestGuard());
        },
      },
    ],
  });
  const front = createServer(vite.middlewares);
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  closers.push(
    () => new Promise((resolve) => front.close(resolve)),
    () => vite.close(),
  );
  return `http://127.0.0.1:${(front.address() as AddressInfo).port}`;
}

describe('the /cloud proxy', () => {
  itForwardsLikeTheDashboard(() => upstream, frontFor);

  it('answers 502 no-store when the API is unreachable', async () => {
    const front = await frontFor({ url: 'http://127.0.0.1:1', token: 'server-token' });
    const response = await fetch(`${front}/cloud/v1/projects`);
    expect(response.status).toBe(502);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('never forwards what the guard refuses', async () => {
    const front = await frontFor({ url: upstream.url, token: 'server-token' });
    const before = upstream.seen.length;
    const port = Number(new URL(front).port);
    const target = '/cloud/v1/%2e%2e/%2e%2e/__sandbox/requests';
    expect((await sendRawRequest(port, { method: 'GET', target })).status).toBe(400);
    expect(upstream.seen.length).toBe(before);
  });
});
