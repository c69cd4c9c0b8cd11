// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { randomText } from './random-pool';

describe('randomText', () => {
  it('hands out 32-byte base64url secrets, each once, across many pool refills', () => {
    // 3000 × 32 bytes is a dozen pools.
    const secrets = Array.from({ length: 3000 }, () => randomText(32, 'base64url'));
    expect(new Set(secrets).size).toBe(secrets.length);
    for (const secret of secrets) {
      expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
    }
    // Zeroed bytes handed out by mistake would show as runs of 'A' (base64 of 0).
    expect(secrets.filter((s) => s.includes('AAAAAA'))).toHaveLength(0);
  });

  it('mixes sizes and encodings without overlap', () => {
    const drawn = Array.from({ length: 2000 }, (_, i) =>
      i % 2 === 0 ? randomText(16, 'hex') : randomText(32, 'base64url'),
    );
    expect(new Set(drawn).size).toBe(drawn.length);
    expect(drawn.filter((_, i) => i % 2 === 0).every((id) => /^[0-9a-f]{32}$/.test(id))).toBe(true);
  });

  it('serves a request larger than the pool', () => {
    expect(Buffer.from(randomText(10_000, 'base64url'), 'base64url')).toHaveLength(10_000);
  });
});
