import type { RawRequest } from './send-raw-request.ts';
import { type AttackCase, V2_KEYS } from './attack-case.ts';

const V2_KEY = `${V2_KEYS}/5f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0`;
const V3_KEYS = '/cloud/v3/inference/1/api_keys';
const V3_DEPLOYMENT = '/cloud/v3/inference/1/deployments/llama';

const send =
  (method: string, target: string, body: string, contentType = 'application/json') =>
  (): RawRequest => ({
    method,
    target,
    headers: { 'content-type': contentType, 'sec-fetch-site': 'same-origin' },
    body,
  });

const refused = (
  name: string,
  server: 'v2' | 'v3',
  request: () => RawRequest,
  status: number,
  audit: Record<string, unknown>,
): AttackCase => ({
  name,
  kind: 'finding',
  server,
  request,
  status,
  reaches: 0,
  audit: { ...audit, status },
});

/**
 * Issue 19, findings 2, 10 and 4 (`api_keys: null`): every body is checked against the contract
 * the dashboard itself sends by, and what reaches the API is that checked value, re-serialised.
 */
export const BODY_ATTACK_CASES: AttackCase[] = [
  refused(
    'v2 create with fields the dashboard never sends',
    'v2',
    send('POST', V2_KEYS, '{"name":"ok","project_id":1,"secret":"s","is_admin":true}'),
    403,
    { action: 'create' },
  ),
  refused(
    'v2 update moving the key to another project',
    'v2',
    send('PATCH', V2_KEY, '{"description":"d","project_id":2}'),
    403,
    { action: 'update' },
  ),
  refused('v2 update renaming the key', 'v2', send('PATCH', V2_KEY, '{"name":"other"}'), 403, {
    action: 'update',
  }),
  refused(
    'v2 create with a field of the wrong type',
    'v2',
    send('POST', V2_KEYS, '{"name":"ok","project_id":"1"}'),
    400,
    { action: 'create' },
  ),
  refused(
    'v2 create with 1e999 as the project',
    'v2',
    send('POST', V2_KEYS, '{"name":"ok","project_id":1e999}'),
    400,
    { action: 'create' },
  ),
  refused(
    'a lone surrogate in a description',
    'v2',
    send('POST', V2_KEYS, '{"name":"ok","description":"\\ud800"}'),
    400,
    { action: 'create' },
  ),
  refused(
    'bytes that are not UTF-8',
    'v2',
    () => ({
      ...send('POST', V2_KEYS, '{"name":"ok","description":"\xff"}')(),
      bodyEncoding: 'latin1',
    }),
    400,
    { action: 'create' },
  ),
  refused(
    '5000-deep nesting',
    'v2',
    send('POST', V2_KEYS, `{"name":"ok","description":${'['.repeat(5000)}${']'.repeat(5000)}}`),
    400,
    { action: 'create' },
  ),
  refused(
    'Content-Type charset=utf-16',
    'v2',
    send('POST', V2_KEYS, '{"name":"ok"}', 'application/json; charset=utf-16'),
    415,
    { action: 'create' },
  ),
  {
    name: 'duplicate keys: the one JSON.parse keeps is the one forwarded and audited',
    kind: 'finding',
    request: send('POST', V2_KEYS, '{"name":"first","project_id":1,"name":"second"}'),
    status: 200,
    reaches: 1,
    forwarded: '{"name":"second","project_id":1}',
    audit: { action: 'create', key_name: 'second', status: 200 },
  },
  {
    name: 'v2 update: the validated fields, re-serialised',
    kind: 'finding',
    request: send('PATCH', V2_KEY, ' { "description" : "d",\n "expires_at": null } '),
    status: 200,
    reaches: 1,
    forwarded: '{"description":"d","expires_at":null}',
    audit: { action: 'update', status: 200 },
  },
  refused(
    'v3 update renaming, re-dating and binding a key',
    'v3',
    send(
      'PATCH',
      `${V3_KEYS}/prod-chat`,
      '{"description":"d","name":"other","expires_at":null,"deployment_names":["x"]}',
    ),
    403,
    { action: 'update' },
  ),
  refused(
    'v3 create with the secret chosen by the caller',
    'v3',
    send('POST', V3_KEYS, '{"name":"ci-key","secret":"known"}'),
    403,
    { action: 'create' },
  ),
  refused(
    'deployment PATCH with api_keys null',
    'v3',
    send('PATCH', V3_DEPLOYMENT, '{"api_keys":null}'),
    400,
    { action: 'bind' },
  ),
  refused(
    'deployment PATCH binding a name no key can have',
    'v3',
    send('PATCH', V3_DEPLOYMENT, '{"api_keys":["../x"]}'),
    400,
    { action: 'bind' },
  ),
  {
    ...refused(
      'deployment PATCH changing the image too',
      'v3',
      send('PATCH', V3_DEPLOYMENT, '{"api_keys":["prod-chat"],"image":"evil"}'),
      403,
      { action: 'bind' },
    ),
    kind: 'held',
  },
  {
    name: 'deployment PATCH spelled \\u0061pi_keys: forwarded as api_keys',
    kind: 'finding',
    server: 'v3',
    request: send('PATCH', V3_DEPLOYMENT, '{"\\u0061pi_keys":["prod-chat"]}'),
    status: 200,
    reaches: 1,
    forwarded: '{"api_keys":["prod-chat"]}',
    audit: { action: 'bind', keys_after: ['prod-chat'], status: 200 },
  },
  {
    name: 'v3 update of the description, re-serialised',
    kind: 'finding',
    server: 'v3',
    request: send('PATCH', `${V3_KEYS}/prod-chat`, '{"description": "new"}'),
    status: 200,
    reaches: 1,
    forwarded: '{"description":"new"}',
    audit: { action: 'update', status: 200 },
  },
];
