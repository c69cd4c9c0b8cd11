import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, it } from 'vitest';

/** The policy the dashboard's own server sets before forwarding; upstream's must not replace it. */
export const OWN_CSP = "default-src 'self'";

export type SeenCall = { url: string; authorization: string | undefined };
export type FakeUpstream = { url: string; seen: SeenCall[]; close: () => Promise<void> };

/** Gcore's stand-in, answering with headers a cache or the page would happily obey. */
export async function startFakeUpstream(): Promise<FakeUpstream> {
  const seen: SeenCall[] = [];
  const server: Server = createServer((req, res) => {
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
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

type FrontFor = (target: { url: string; token: string | undefined }) => Promise<string>;

/**
 * What the dev proxy and the production forward must both do with a `/cloud` call, run against
 * each: the dev server cannot promise what production does not keep.
 */
export function itForwardsLikeTheDashboard(upstream: () => FakeUpstream, frontFor: FrontFor) {
  it('replaces the browser Authorization with the server-side token', async () => {
    const front = await frontFor({ url: upstream().url, token: 'server-token' });
    const response = await fetch(`${front}/cloud/v1/projects?x=1`, {
      headers: { authorization: 'APIKey stolen-or-wrong' },
    });
    expect(response.status).toBe(200);
    expect(upstream().seen.at(-1)).toEqual({
      url: '/cloud/v1/projects?x=1',
      authorization: 'APIKey server-token',
    });
  });

  it('passes the browser Authorization on when the server has no token', async () => {
    const front = await frontFor({ url: upstream().url, token: undefined });
    await fetch(`${front}/cloud/v1/projects`, { headers: { authorization: 'APIKey own' } });
    expect(upstream().seen.at(-1)?.authorization).toBe('APIKey own');
  });

  it.each(['/cloud/v2/inference/api_keys', '/cloud/v2/missing'])(
    'marks %s no-store over what upstream says, and keeps the dashboard policy',
    async (path) => {
      const front = await frontFor({ url: upstream().url, token: 'server-token' });
      const response = await fetch(`${front}${path}`, { method: 'POST', body: '{}' });
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('content-security-policy')).toBe(OWN_CSP);
      expect(response.headers.get('referrer-policy')).toBeNull();
      expect(response.headers.get('x-upstream')).toBe('yes');
    },
  );
}
