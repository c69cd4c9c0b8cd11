import { describe, expect, it } from 'vitest';
import type { RawResponse } from './send-raw-request.ts';
import { SSO_PROXY_SECRET } from './sso-test-settings.ts';
import type { Front } from './test-fronts.ts';

const KEYS = '/cloud/v2/inference/api_keys';
const KEY_ID = '5f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0';

/** A call as the dashboard's own page makes it (`Sec-Fetch-Site: same-origin`, its X-Requested-By, JSON body). */
export type SendSameOrigin = (
  front: Front,
  method: string,
  target: string,
  headers?: Record<string, string>,
  body?: string,
) => Promise<RawResponse>;

const auditLines = (front: Front) =>
  front.lines
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((entry) => entry.type === 'audit');

/**
 * Who did what: one audit line per write, dev and production alike. `sso` names the user from
 * X-Forwarded-Email (AUDIT_USER_HEADER) when the proxy's secret comes with it; `shared` and
 * `personal` have no identity header configured.
 */
export function describeAuditLines(
  kind: 'dev' | 'production',
  fronts: () => { shared: Front; personal: Front; sso: Front },
  write: SendSameOrigin,
) {
  describe(`audit lines from the ${kind} server`, () => {
    it('names the proxy’s user, for create, update and delete, and never logs the secret', async () => {
      const email = {
        'x-forwarded-email': 'ana@example.com',
        'x-audit-proxy-secret': SSO_PROXY_SECRET,
      };
      await write(
        fronts().sso,
        'POST',
        KEYS,
        email,
        '{"name":"ci-key","project_id":7,"description":"not-for-the-log"}',
      );
      await write(fronts().sso, 'PATCH', `${KEYS}/${KEY_ID}`, email, '{"description":"d"}');
      await write(fronts().sso, 'DELETE', `${KEYS}/${KEY_ID}`, email);
      const lines = auditLines(fronts().sso).slice(-3);
      expect(lines.map(({ action, user, status }) => ({ action, user, status }))).toEqual([
        { action: 'create', user: 'ana@example.com', status: 200 },
        { action: 'update', user: 'ana@example.com', status: 200 },
        { action: 'delete', user: 'ana@example.com', status: 200 },
      ]);
      expect(lines[0]).toMatchObject({
        project: '7',
        key_name: 'ci-key',
        upstream_request_id: 'upstream-id-5a1e',
      });
      expect(lines[0]?.request_id).toMatch(/^[0-9a-f]{32}$/);
      expect(lines[2]).toMatchObject({ key_id: KEY_ID });
      expect(fronts().sso.lines.join('\n')).not.toMatch(
        new RegExp(`server-token|not-for-the-log|${SSO_PROXY_SECRET}`),
      );
    });

    it('never writes a name it cannot vouch for into the log, nor lets that write through', async () => {
      const forged = { 'x-forwarded-email': 'mallory@example.com' };
      const response = await write(fronts().sso, 'POST', KEYS, forged, '{"name":"mallory-key"}');
      expect(response.status).toBe(401);
      expect(auditLines(fronts().sso).at(-1)).toMatchObject({
        user: 'untrusted',
        action: 'create',
        status: 401,
      });
      expect(fronts().sso.lines.join('\n')).not.toContain('mallory@example.com');
    });

    it('says "shared token" without the header, and records refused writes too', async () => {
      await write(
        fronts().shared,
        'POST',
        KEYS,
        { 'sec-fetch-site': 'cross-site' },
        '{"name":"csrf"}',
      );
      expect(auditLines(fronts().shared).at(-1)).toMatchObject({
        user: 'shared token',
        action: 'create',
        status: 403,
        key_name: null,
      });
    });

    it('ignores an identity header nobody configured, and says "personal token"', async () => {
      await write(fronts().personal, 'DELETE', `${KEYS}/${KEY_ID}`, {
        'x-auth-request-email': 'forged@example.com',
        authorization: 'APIKey own',
      });
      expect(auditLines(fronts().personal).at(-1)).toMatchObject({
        user: 'personal token',
        action: 'delete',
      });
      expect(fronts().personal.lines.join('\n')).not.toContain('APIKey own');
    });

    it('writes no audit line for reads', async () => {
      const before = auditLines(fronts().shared).length;
      await write(fronts().shared, 'GET', `${KEYS}/${KEY_ID}`);
      expect(auditLines(fronts().shared)).toHaveLength(before);
    });
  });
}
