import type { RawRequest, RawResponse } from './send-raw-request.ts';
import type { AttackCase } from './attack-case.ts';
import { SSO_PROXY_SECRET } from './sso-test-settings.ts';

const V3_KEY = '/cloud/v3/inference/1/api_keys/prod-chat';

const send = (method: string, body: string) => (): RawRequest => ({
  method,
  target: V3_KEY,
  headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
  body,
});

const sameOrigin = { 'sec-fetch-site': 'same-origin' };

/** A create sent straight to a server that trusts X-Forwarded-Email only from its SSO proxy. */
const createAs = (headers: Record<string, string>) => (): RawRequest => ({
  method: 'POST',
  target: '/cloud/v2/inference/api_keys',
  headers: { ...sameOrigin, 'content-type': 'application/json', ...headers },
  body: '{"name":"mallory-key"}',
});

const identityRequired = (response: RawResponse) => {
  const answer = JSON.parse(response.body) as { exception_class?: string };
  if (answer.exception_class !== 'AuditIdentityRequired') {
    throw new Error(`expected AuditIdentityRequired, got ${response.body}`);
  }
};

/** Issue 19, finding 3: an identity header that did not come from the SSO proxy. */
const IDENTITY_CASES: AttackCase[] = [
  {
    name: 'a forged X-Forwarded-Email without the proxy’s secret: 401, audited as untrusted',
    kind: 'finding',
    server: 'sso',
    request: createAs({ 'x-forwarded-email': 'mallory@example.com' }),
    status: 401,
    reaches: 0,
    audit: { user: 'untrusted', action: 'create', status: 401 },
    check: identityRequired,
  },
  {
    name: 'a forged X-Forwarded-Email with a wrong secret: 401',
    kind: 'finding',
    server: 'sso',
    request: createAs({
      'x-forwarded-email': 'mallory@example.com',
      'x-audit-proxy-secret': `${SSO_PROXY_SECRET}x`,
    }),
    status: 401,
    reaches: 0,
    audit: { user: 'untrusted', status: 401 },
    check: identityRequired,
  },
  {
    name: 'a write with no identity at all: 401, audited',
    kind: 'finding',
    server: 'sso',
    request: createAs({}),
    status: 401,
    reaches: 0,
    audit: { user: 'untrusted', action: 'create', status: 401 },
    check: identityRequired,
  },
  {
    name: 'the proxy’s secret without a user: 401',
    kind: 'finding',
    server: 'sso',
    request: createAs({ 'x-audit-proxy-secret': SSO_PROXY_SECRET }),
    status: 401,
    reaches: 0,
    audit: { user: 'untrusted', status: 401 },
  },
  {
    name: 'the proxy’s secret and user: forwarded, audited under that user',
    kind: 'held',
    server: 'sso',
    request: createAs({
      'x-forwarded-email': 'ana@example.com',
      'x-audit-proxy-secret': SSO_PROXY_SECRET,
    }),
    status: 200,
    reaches: 1,
    forwarded: '{"name":"mallory-key"}',
    audit: { user: 'ana@example.com', action: 'create', status: 200 },
  },
  {
    name: 'a read without a trusted identity: answered (the proxy gates who may look)',
    kind: 'held',
    server: 'sso',
    request: () => ({ method: 'GET', target: '/cloud/v1/projects', headers: sameOrigin }),
    status: 200,
    reaches: 1,
  },
];

/**
 * Issue 19, finding 4: a bind that empties a deployment's list says authentication went off;
 * finding 5: an update or delete is logged under the key its path names; finding 6: every
 * refused write leaves one line, the ones refused before any row matched included.
 */
export const AUDIT_ATTACK_CASES: AttackCase[] = [
  ...IDENTITY_CASES,
  {
    name: 'v3 update naming another key in its body',
    kind: 'finding',
    server: 'v3',
    request: send('PATCH', '{"name":"innocent-key"}'),
    status: 403,
    reaches: 0,
    audit: { action: 'update', key_name: 'prod-chat', project: '1', status: 403 },
  },
  {
    name: 'v3 delete with a body naming another key',
    kind: 'finding',
    server: 'v3',
    request: send('DELETE', '{"name":"innocent-key","project_id":2}'),
    status: 400,
    reaches: 0,
    audit: { action: 'delete', key_name: 'prod-chat', project: '1', status: 400 },
  },
  {
    name: 'v3 update: logged under the key in its path',
    kind: 'finding',
    server: 'v3',
    request: send('PATCH', '{"description":"d"}'),
    status: 200,
    reaches: 1,
    forwarded: '{"description":"d"}',
    audit: { action: 'update', key_name: 'prod-chat', project: '1', status: 200 },
  },
  {
    name: 'a delete with a malformed key id: 404, audited',
    kind: 'finding',
    request: () => ({
      method: 'DELETE',
      target: '/cloud/v2/inference/api_keys/not-a-uuid',
      headers: sameOrigin,
    }),
    status: 404,
    reaches: 0,
    audit: { action: 'delete', key_id: null, status: 404 },
  },
  {
    name: 'the other generation’s delete: 403, audited under its path’s key',
    kind: 'finding',
    request: () => ({ method: 'DELETE', target: V3_KEY, headers: sameOrigin }),
    status: 403,
    reaches: 0,
    audit: { action: 'delete', key_name: 'prod-chat', project: '1', status: 403 },
  },
  {
    name: 'v3 deployment PATCH to {"api_keys":[]}: forwarded as sent, audited as authentication off',
    kind: 'finding',
    server: 'v3',
    request: () => ({
      method: 'PATCH',
      target: '/cloud/v3/inference/1/deployments/llama',
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
      body: '{"api_keys":[]}',
    }),
    status: 200,
    reaches: 1,
    forwarded: '{"api_keys":[]}',
    audit: {
      action: 'bind',
      deployment: 'llama',
      keys_before: null,
      keys_after: [],
      auth: 'off',
      status: 200,
    },
  },
  {
    name: 'a write to no listed path: 403, audited',
    kind: 'finding',
    request: () => ({
      method: 'POST',
      target: '/cloud/v1/echo',
      headers: { ...sameOrigin, 'content-type': 'application/json' },
      body: '{}',
    }),
    status: 403,
    reaches: 0,
    audit: { action: 'unlisted-write', method: 'POST', status: 403 },
  },
];
