// @vitest-environment node
import type { IncomingHttpHeaders } from 'node:http';
import { describe, expect, it } from 'vitest';
import { auditIdentity } from './audit-identity.ts';
import { readAuditIdentitySettings } from './audit-identity-settings.ts';

const SECRET = 'proxy-secret-0123456789abcdef';

const request = (headers: IncomingHttpHeaders, remoteAddress = '203.0.113.9') => ({
  headers,
  socket: { remoteAddress } as never,
});

const settings = (env: Record<string, string>) => {
  const read = readAuditIdentitySettings({ AUDIT_USER_HEADER: 'X-Forwarded-Email', ...env });
  if (!read) throw new Error('no settings');
  return read;
};

describe('whose name an audit line may take', () => {
  it('takes the user only beside the proxy’s secret', () => {
    const bySecret = settings({ AUDIT_PROXY_SECRET: SECRET });
    const user = { 'x-forwarded-email': 'ana@example.com' };
    expect(auditIdentity(request({ ...user, 'x-audit-proxy-secret': SECRET }), bySecret)).toEqual({
      trusted: true,
      user: 'ana@example.com',
    });
    for (const secret of [undefined, 'wrong', `${SECRET} `, SECRET.slice(1)]) {
      const headers = secret === undefined ? user : { ...user, 'x-audit-proxy-secret': secret };
      expect(auditIdentity(request(headers), bySecret)).toEqual({ trusted: false });
    }
  });

  it('takes the user only from a listed proxy address, IPv4-mapped or not', () => {
    const byPeer = settings({ AUDIT_TRUSTED_PROXIES: '10.0.0.5, ::1' });
    const user = { 'x-forwarded-email': 'ana@example.com' };
    for (const peer of ['10.0.0.5', '::ffff:10.0.0.5', '::1']) {
      expect(auditIdentity(request(user, peer), byPeer)).toMatchObject({ trusted: true });
    }
    for (const peer of ['10.0.0.6', '127.0.0.1', '::ffff:10.0.0.55']) {
      expect(auditIdentity(request(user, peer), byPeer)).toEqual({ trusted: false });
    }
  });

  it('with both set, needs both; with neither a user, trusts no one', () => {
    const both = settings({ AUDIT_PROXY_SECRET: SECRET, AUDIT_TRUSTED_PROXIES: '10.0.0.5' });
    const user = { 'x-forwarded-email': 'ana@example.com', 'x-audit-proxy-secret': SECRET };
    expect(auditIdentity(request(user, '10.0.0.5'), both)).toMatchObject({ trusted: true });
    expect(auditIdentity(request(user, '10.0.0.6'), both)).toEqual({ trusted: false });
    const noUser = { 'x-audit-proxy-secret': SECRET, 'x-forwarded-email': ' ' };
    expect(auditIdentity(request(noUser, '10.0.0.5'), both)).toEqual({ trusted: false });
  });
});

describe('the audit identity settings', () => {
  it.each([
    [{ AUDIT_USER_HEADER: 'X-Forwarded-Email' }, /needs AUDIT_PROXY_SECRET or AUDIT_TRUSTED/],
    [{ AUDIT_PROXY_SECRET: SECRET }, /need AUDIT_USER_HEADER/],
    [{ AUDIT_TRUSTED_PROXIES: '127.0.0.1' }, /need AUDIT_USER_HEADER/],
    [{ AUDIT_USER_HEADER: 'X-Email: x', AUDIT_PROXY_SECRET: SECRET }, /must be a header name/],
    [{ AUDIT_USER_HEADER: 'X-Audit-Proxy-Secret', AUDIT_PROXY_SECRET: SECRET }, /log the secret/],
    [{ AUDIT_USER_HEADER: 'X-E', AUDIT_PROXY_SECRET: 'short' }, /at least 16/],
    [{ AUDIT_USER_HEADER: 'X-E', AUDIT_TRUSTED_PROXIES: 'proxy.local' }, /"proxy.local"/],
    [{ AUDIT_USER_HEADER: 'X-E', AUDIT_TRUSTED_PROXIES: '10.0.0.0/8' }, /no ranges/],
  ])('refuses %j at start-up', (env, message) => {
    expect(() => readAuditIdentitySettings(env)).toThrow(message);
  });

  it('never repeats a secret it refuses', () => {
    const read = () =>
      readAuditIdentitySettings({ AUDIT_USER_HEADER: 'X-E', AUDIT_PROXY_SECRET: 'sh0rt-s3cret' });
    expect(read).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('sh0rt-s3cret') }),
    );
  });

  it('is off when nothing is set', () => {
    expect(readAuditIdentitySettings({})).toBeUndefined();
  });
});
