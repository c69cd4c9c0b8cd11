import { getRequestListener } from '@hono/node-server';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CloudTarget } from './cloud-forward';
import { createProductionApp } from './production-app';

// The same checks as cloud-proxy.test.ts makes of the dev proxy: both must treat answers alike.
const OWN_CSP = "default-src 'self'";
const seen: { url: string; authorization: string | undefined }[] = [];
const servers: Server[] = [];

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let upstreamUrl: string;

beforeAll(async () => {
  upstreamUrl = await listen(
    createServer((req, res) => {
      seen.push({ url: req.url ?? '', authorization: req.headers.authorization });
      res.writeHead(req.url?.includes('missing') ? 404 : 200, {
        'content-type': 'application/json',
        'cache-control': 'public, max-age=600',
        'content-security-policy': 'default-src *',
        'referrer-policy': 'unsafe-url',
        'x-upstream': 'yes',
      });
      res.end('{"secret":"s3cr3t"}');
    }),
  );
});

afterAll(() =>
  Promise.all(
    servers
      .filter((server) => server.listening)
      .map((server) => new Promise((resolve) => server.close(resolve))),
  ),
);

/** The production app behind a server that sets its own policy first, as main.ts does. */
function frontFor(target: CloudTarget): Promise<string> {
  const handle = getRequestListener(createProductionApp({ assets: new Map(), target }).fetch);
  return listen(
    createServer((req, res) => {
      res.setHeader('content-security-policy', OWN_CSP);
      void handle(req, res);
    }),
  );
}

describe('the production /cloud forward', () => {
  it('replaces the browser Authorization with the server-side token', async () => {
    const front = await frontFor({ url: upstreamUrl, token: 'server-token' });
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
    const front = await frontFor({ url: upstreamUrl, token: undefined });
    await fetch(`${front}/cloud/v1/projects`, { headers: { authorization: 'APIKey own' } });
    expect(seen.at(-1)?.authorization).toBe('APIKey own');
  });

  it.each(['/cloud/v2/inference/api_keys', '/cloud/v2/missing'])(
    'marks %s no-store over what upstream says, and keeps the dashboard policy',
    async (path) => {
      const front = await frontFor({ url: upstreamUrl, token: 'server-token' });
      const response = await fetch(`${front}${path}`, { method: 'POST', body: '{}' });
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('content-security-policy')).toBe(OWN_CSP);
      expect(response.headers.get('referrer-policy')).toBeNull();
      expect(response.headers.get('x-upstream')).toBe('yes');
    },
  );

  it('answers 502 no-store in Gcore’s error shape when the API is unreachable', async () => {
    // A port that was just free: fetch refuses port 1 outright, without trying to connect.
    const closed = createServer();
    const url = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    const front = await frontFor({ url, token: 'server-token' });
    const response = await fetch(`${front}/cloud/v1/projects`);
    expect(response.status).toBe(502);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({
      exception_class: 'UpstreamUnreachable',
      message: expect.stringMatching(/could not reach the API \(ECONNREFUSED\)/),
      request_id: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
  });
});
