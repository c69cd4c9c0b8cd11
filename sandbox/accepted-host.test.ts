// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { hostAccepted } from './accepted-host';

// What @hono/node-server does with each Host (a 400 for false); the fast-path parity test
// checks a sample of these against the adapter itself.
const VERDICTS: [string, boolean][] = [
  ['127.0.0.1', true],
  ['127.0.0.1:4010', true],
  ['localhost:5173', true],
  ['LOCALHOST', true],
  ['[::1]:80', true],
  ['example.com.', true],
  ['', false],
  ['LOCALHOST:80', false],
  ['a b', false],
  ['0x7f.1', false],
  ['x:', false],
  ['a/b', false],
  ['host:99999', false],
];

describe('hostAccepted', () => {
  it.each(VERDICTS)('%j → %s', (host, verdict) => {
    expect(hostAccepted(host)).toBe(verdict);
    // Again, from the cache.
    expect(hostAccepted(host)).toBe(verdict);
  });

  it('stays right once more hosts than it caches have been seen', () => {
    for (let i = 0; i < 200; i += 1) expect(hostAccepted(`host-${i}.test:${i}`)).toBe(true);
    for (const [host, verdict] of VERDICTS) expect(hostAccepted(host)).toBe(verdict);
  });
});
