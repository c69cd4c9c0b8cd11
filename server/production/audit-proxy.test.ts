import { describe, expect, it } from 'vitest';
import { sendFromDashboard } from '../testing/send-raw-request';
import { spawnProductionServer } from '../testing/spawn-production-server';
import { useSsoProduction } from '../testing/sso-production';

const SECRET = 'c0ffee5ecret-9b8a7f6e5d4c3b2a1908';
const SIGNED_IN = 'ana@example.com';
const KEYS = '/cloud/v2/inference/api_keys';

const sso = useSsoProduction({ user: SIGNED_IN, secret: SECRET, startupMs: 30_000 });

const create = (port: number, headers: Record<string, string>) =>
  sendFromDashboard(port, { method: 'POST', target: KEYS, headers, body: '{"name":"ci-key"}' });
const auditLines = () =>
  sso.server.stdout
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((entry) => entry.type === 'audit');
const everything = () => [...sso.server.stdout, ...sso.server.stderr].join('\n');

describe('the audit identity behind an SSO proxy (AUDIT_PROXY_SECRET)', () => {
  it('names the proxy’s signed-in user, whatever name the browser sent', async () => {
    const before = auditLines().length;
    const response = await create(sso.proxyPort, {
      'x-forwarded-email': 'mallory@example.com',
    });
    expect(response.status).toBe(200);
    await expect.poll(() => auditLines().length).toBe(before + 1);
    expect(auditLines().at(-1)).toMatchObject({ user: SIGNED_IN, action: 'create', status: 200 });
  });

  it('refuses a write sent around the proxy with a forged name: 401, not forwarded, audited', async () => {
    const before = auditLines().length;
    const reached = sso.upstream.seen.length;
    const response = await create(sso.server.port, {
      'x-forwarded-email': 'mallory@example.com',
      'x-audit-proxy-secret': 'a-guess-at-the-secret',
    });
    expect(response.status).toBe(401);
    expect(JSON.parse(response.body)).toMatchObject({ exception_class: 'AuditIdentityRequired' });
    await expect.poll(() => auditLines().length).toBe(before + 1);
    expect(auditLines().at(-1)).toMatchObject({ user: 'untrusted', action: 'create', status: 401 });
    expect(sso.upstream.seen.length).toBe(reached);
    expect(everything()).not.toContain('mallory@example.com');
  });

  it('never passes the secret to the API nor writes it in a log line', async () => {
    await create(sso.proxyPort, {});
    await expect.poll(() => sso.upstream.seen.length).toBeGreaterThan(0);
    expect(JSON.stringify(sso.upstream.seen)).not.toContain(SECRET);
    expect(sso.upstream.seen.every((call) => !('x-audit-proxy-secret' in call.headers))).toBe(true);
    expect(everything()).not.toContain(SECRET);
  });
});

it('refuses to start with an identity header nothing vouches for', async () => {
  const failed = await spawnProductionServer({ AUDIT_USER_HEADER: 'X-Forwarded-Email' }).then(
    () => new Error('it started'),
    (reason: unknown) => reason as Error,
  );
  expect(failed.message).toMatch(/start-up failed/);
  expect(failed.message).toMatch(/AUDIT_PROXY_SECRET or AUDIT_TRUSTED_PROXIES/);
}, 30_000);
