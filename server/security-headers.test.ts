import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, SECURITY_HEADER_NAMES, securityHeaders } from './security-headers';

const HASH = 'sha256-Z2/iFzh9VMlVkEOar1f/oSHWwQk3ve1qk/C2WdsC4Xk=';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split('; ').map((directive) => {
      const [name = '', ...sources] = directive.split(' ');
      return [name, sources];
    }),
  );
}

describe('contentSecurityPolicy', () => {
  it('is exactly this in production: only own-origin code, styles, connections', () => {
    expect(contentSecurityPolicy({ mode: 'production' })).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; " +
        "frame-ancestors 'none'",
    );
  });

  it('allows the dev inline scripts by hash and inline styles in dev only', () => {
    const dev = directives(contentSecurityPolicy({ mode: 'dev', scriptHashes: [HASH] }));
    expect(dev.get('script-src')).toEqual(["'self'", `'${HASH}'`]);
    expect(dev.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(dev.get('connect-src')).toEqual(["'self'"]);
  });

  it.each(['dev', 'production'] as const)('never lets inline or eval code run (%s)', (mode) => {
    const policy = directives(contentSecurityPolicy({ mode, scriptHashes: [HASH] }));
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
    expect(policy.get('script-src')).not.toContain("'unsafe-eval'");
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'self'"]);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:']);
  });

  it('lists a hash once however often the script appears', () => {
    const policy = directives(contentSecurityPolicy({ mode: 'dev', scriptHashes: [HASH, HASH] }));
    expect(policy.get('script-src')).toEqual(["'self'", `'${HASH}'`]);
  });

  it.each(["'unsafe-inline'", 'sha256-abc def', "sha256-abc'; script-src *", 'md5-AAAA'])(
    'refuses %j as a hash, so nothing else can slip into script-src',
    (bad) => {
      expect(() => contentSecurityPolicy({ mode: 'dev', scriptHashes: [bad] })).toThrow(
        /Not a CSP hash/,
      );
    },
  );
});

describe('securityHeaders', () => {
  it('adds the referrer and sniffing rules to the policy', () => {
    expect(securityHeaders({ mode: 'production' })).toEqual({
      'content-security-policy': contentSecurityPolicy({ mode: 'production' }),
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
    });
    expect(SECURITY_HEADER_NAMES).toEqual([
      'content-security-policy',
      'referrer-policy',
      'x-content-type-options',
    ]);
  });
});
