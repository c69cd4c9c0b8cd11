import type { RawRequest } from '../send-raw-request.ts';
import type { AttackCase } from './attack-case.ts';

const V3_KEY = '/cloud/v3/inference/1/api_keys/prod-chat';

const send = (method: string, body: string) => (): RawRequest => ({
  method,
  target: V3_KEY,
  headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
  body,
});

const sameOrigin = { 'sec-fetch-site': 'same-origin' };

/**
 * Issue 19, finding 4: a bind that empties a deployment's list says authentication went off;
 * finding 5: an update or delete is logged under the key its path names; finding 6: every
 * refused write leaves one line, the ones refused before any row matched included.
 */
export const AUDIT_ATTACK_CASES: AttackCase[] = [
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
