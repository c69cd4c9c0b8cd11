import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createViteServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiTarget } from './api-target';
import { cloudProxyOptions } from './cloud-proxy';
import { CLOUD_PREFIX, cloudRequestGuard } from './cloud-request-guard';
import { sendRawRequest } from './send-raw-request';

const OWN_CSP = "default-src 'self'";
const seen: { url: string; authorization: string | undefined }[] = [];
let upstream: Server;
let cacheDir: string;
const closers: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  // Gcore's stand-in answers with headers a cache or the page would happily obey.
  upstream = createServer((req, res) => {
    seen.push({ url: req.url ?? '', authorization: req.headers.authorization });
    res.writeHead(req.url?.includes('missing') ? 404 : 200, {
      'content-type': 'application/json',
      'cache-control': 'public, max-age=600',
      'content-security-policy': 'default-src *',
      'referrer-policy': 'unsafe-url',
      'x-upstream': 'yes',
    });
    res.end('{"secret":"s3cr3t"}');
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  // The dep optimizer must not touch the cache of the dev servers others run from this repo.
  cacheDir = await mkdtemp(join(tmpdir(), 'cloud-proxy-test-'));
});

afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
  await new Promise<void>((resolve) => upstream.close(() => resolve()));
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

const upstreamUrl = () => `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;

describe('the /cloud proxy', () => {
  it('replaces the browser Authorization with the server-side token', async () => {
    const front = await frontFor({ url: upstreamUrl(), token: 'server-token' });
    const response = await fetch(`${front}/cloud/v1/projects?x=1`, {
      headers: { authorization: 'APIKey stolen-or-wrong' },
    });
    expect(response.status).toBe(200);
    expect(seen.at(-1)).toEqual({
      url: '/cloud/v1/projects?x=1',
      authorization: 'APIKey server-token',
    });
  });

  it('passes the browser Authorization on when the server has no token', async () => {
    const front = await frontFor({ url: upstreamUrl(), token: undefined });
    await fetch(`${front}/cloud/v1/projects`, { headers: { authorization: 'APIKey own' } });
    expect(seen.at(-1)?.authorization).toBe('APIKey own');
  });

  it.each(['/cloud/v2/inference/api_keys', '/cloud/v2/missing'])(
    'marks %s no-store over what upstream says, and keeps the dashboard policy',
    async (path) => {
      const front = await frontFor({ url: upstreamUrl(), token: 'server-token' });
      const response = await fetch(`${front}${path}`, { method: 'POST', body: '{}' });
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('content-security-policy')).toBe(OWN_CSP);
      expect(response.headers.get('referrer-policy')).toBeNull();
      expect(response.headers.get('x-upstream')).toBe('yes');
    },
  );

  it('answers 502 no-store when the API is unreachable', async () => {
    const front = await frontFor({ url: 'http://127.0.0.1:1', token: 'server-token' });
    const response = await fetch(`${front}/cloud/v1/projects`);
    expect(response.status).toBe(502);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('never forwards what the guard refuses', async () => {
    const front = await frontFor({ url: upstreamUrl(), token: 'server-token' });
    const before = seen.length;
    const port = Number(new URL(front).port);
    const target = '/cloud/v1/%2e%2e/%2e%2e/__sandbox/requests';
    expect((await sendRawRequest(port, { method: 'GET', target })).status).toBe(400);
    expect(seen.length).toBe(before);
  });
});
