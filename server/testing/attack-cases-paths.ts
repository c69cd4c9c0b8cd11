import { type AttackCase, get, JSON_TYPE, ownOrigin, V2_KEYS } from './attack-case.ts';

/**
 * The path a request names: only a canonical one is decided on and forwarded, and only to the
 * calls the dashboard makes (issue 10's findings, and what held before them).
 */
export const PATH_ATTACK_CASES: AttackCase[] = [
  // Path normalisation: the server decides on the path it forwards, and only a canonical one.
  {
    name: 'PUT /./cloud/v1/x',
    kind: 'finding',
    request: () => ({ method: 'PUT', target: '/./cloud/v1/x' }),
    status: 400,
    reaches: 0,
  },
  {
    name: 'x/../cloud …/..%2f..%2fiam',
    kind: 'finding',
    request: get('/x/../cloud/v1/..%2f..%2fiam'),
    status: 400,
    reaches: 0,
  },
  {
    name: '/%63loud/v1/projects',
    kind: 'finding',
    request: get('/%63loud/v1/projects'),
    status: 400,
    reaches: 0,
  },
  {
    name: 'double-encoded dot segment',
    kind: 'finding',
    request: get('/cloud/%252e%252e/v1/projects'),
    status: 400,
    reaches: 0,
  },
  {
    name: 'dot segment outside /cloud',
    kind: 'finding',
    request: get('/src/../index.html'),
    status: 400,
    reaches: 0,
  },
  {
    name: 'traversal under /cloud',
    kind: 'held',
    request: get('/cloud/v1/../../__sandbox/requests'),
    status: 400,
    reaches: 0,
  },
  {
    name: 'backslash traversal',
    kind: 'held',
    request: get('/cloud/v1\\..\\..\\__sandbox'),
    status: 400,
    reaches: 0,
  },
  {
    name: 'absolute-form target',
    kind: 'held',
    request: (port) => ({ method: 'GET', target: `http://127.0.0.1:${port}/cloud/v1/projects` }),
    status: 400,
    reaches: 0,
  },
  // Allow-list: the shared token manages inference keys, nothing else.
  {
    name: 'POST to an unlisted API path',
    kind: 'finding',
    request: () => ({ method: 'POST', target: '/cloud/v1/echo', headers: JSON_TYPE, body: '{}' }),
    status: 403,
    reaches: 0,
  },
  {
    name: 'IAM through the gateway',
    kind: 'finding',
    request: get('/cloud/v1/users'),
    status: 403,
    reaches: 0,
  },
  {
    name: 'a VM through the gateway',
    kind: 'finding',
    request: () => ({ method: 'DELETE', target: '/cloud/v1/instances/1/2/3' }),
    status: 403,
    reaches: 0,
  },
  {
    name: 'PUT on a listed path',
    kind: 'finding',
    request: () => ({
      method: 'PUT',
      target: '/cloud/v1/projects',
      headers: JSON_TYPE,
      body: '{}',
    }),
    status: 403,
    reaches: 0,
  },
  {
    name: 'a key id that is not one',
    kind: 'finding',
    request: get(`${V2_KEYS}/not-a-uuid`),
    status: 404,
    reaches: 0,
  },
  {
    name: 'trailing slash',
    kind: 'finding',
    request: get('/cloud/v1/projects/'),
    status: 403,
    reaches: 0,
  },
  // Least privilege per generation: these servers speak v2, so no v3 call is forwarded.
  {
    name: 'a v3 key call on a v2 server',
    kind: 'held',
    request: (port) => ({
      method: 'DELETE',
      target: '/cloud/v3/inference/1/api_keys/some-key',
      headers: { ...ownOrigin(port), 'sec-fetch-site': 'same-origin' },
    }),
    status: 403,
    reaches: 0,
  },
  {
    name: 'a v3 deployment PATCH on a v2 server',
    kind: 'held',
    request: (port) => ({
      method: 'PATCH',
      target: '/cloud/v3/inference/1/deployments/llama',
      headers: { ...JSON_TYPE, ...ownOrigin(port), 'sec-fetch-site': 'same-origin' },
      body: '{"api_keys":[]}',
    }),
    status: 403,
    reaches: 0,
  },
];
