import { expect, it } from 'vitest';
import { startDevFront } from '../testing/test-fronts';

it('the dev server refuses to start with an identity header nothing vouches for', async () => {
  const started = startDevFront({
    upstreamUrl: 'http://127.0.0.1:1',
    token: 'server-token',
    auditEnv: { AUDIT_USER_HEADER: 'X-Forwarded-Email' },
  });
  await expect(started).rejects.toThrow(/AUDIT_PROXY_SECRET or AUDIT_TRUSTED_PROXIES/);
}, 60_000);
