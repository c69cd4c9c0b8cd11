import { describe, expect, it } from 'vitest';
import { insecurePublicOrigins, INSECURE_ORIGIN_WARNING } from './insecure-origin.ts';
import { startDevFront } from './testing/test-fronts.ts';

describe('insecurePublicOrigins', () => {
  it('names the plain-HTTP origins on a host that is not loopback', () => {
    expect(
      insecurePublicOrigins([
        'http://keys.internal',
        'https://keys.example.com',
        'http://10.0.0.5:8080',
        'http://127.0.0.1:8080',
        'http://localhost:5173',
        'http://app.localhost',
        'http://[::1]:8080',
      ]),
    ).toEqual(['http://keys.internal', 'http://10.0.0.5:8080']);
  });

  it('says why and what to do', () => {
    expect(INSECURE_ORIGIN_WARNING).toMatch(/Sec-Fetch-\*/);
    expect(INSECURE_ORIGIN_WARNING).toMatch(/HTTPS/);
  });
});

describe('the dev server', () => {
  const warnings = (lines: string[]) =>
    lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((entry) => entry.level === 'warn');

  it('warns at start when a host it serves is reached over plain HTTP', async () => {
    const front = await startDevFront({
      upstreamUrl: 'http://127.0.0.1:1',
      token: 'unused',
      allowedHosts: ['keys.internal', 'localhost'],
    });
    try {
      expect(warnings(front.lines)).toEqual([
        expect.objectContaining({
          msg: INSECURE_ORIGIN_WARNING,
          origins: ['http://keys.internal'],
        }),
      ]);
    } finally {
      await front.close();
    }
  }, 60_000);

  it('says nothing when it serves loopback only', async () => {
    const front = await startDevFront({ upstreamUrl: 'http://127.0.0.1:1', token: 'unused' });
    try {
      expect(warnings(front.lines)).toEqual([]);
    } finally {
      await front.close();
    }
  }, 60_000);
});
