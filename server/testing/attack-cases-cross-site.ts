import {
  type AttackCase,
  get,
  JSON_TYPE,
  noCorsHeaders,
  ownOrigin,
  V2_KEYS,
} from './attack-case.ts';

/** Another site's page: it may neither write through the dashboard nor read its answers. */
export const CROSS_SITE_ATTACK_CASES: AttackCase[] = [
  // Cross-site: writes only from the dashboard's own pages.
  {
    name: 'CSRF: Origin evil.example, text/plain',
    kind: 'finding',
    request: () => ({
      method: 'POST',
      target: V2_KEYS,
      headers: { origin: 'http://evil.example', 'content-type': 'text/plain' },
      body: '{"name":"x"}',
    }),
    status: 403,
    reaches: 0,
  },
  {
    name: 'CSRF: Sec-Fetch-Site cross-site, JSON',
    kind: 'finding',
    request: () => ({
      method: 'POST',
      target: V2_KEYS,
      headers: { 'sec-fetch-site': 'cross-site', ...JSON_TYPE },
      body: '{"name":"x"}',
    }),
    status: 403,
    reaches: 0,
  },
  {
    name: 'CSRF: another port of the same host (same-site)',
    kind: 'finding',
    request: (port) => ({
      method: 'DELETE',
      target: `${V2_KEYS}/5f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0`,
      headers: { 'sec-fetch-site': 'same-site', origin: `http://127.0.0.1:${port + 1}` },
    }),
    status: 403,
    reaches: 0,
  },
  {
    name: 'CSRF: Origin null (sandboxed frame)',
    kind: 'finding',
    request: () => ({
      method: 'POST',
      target: V2_KEYS,
      headers: { origin: 'null', ...JSON_TYPE },
      body: '{}',
    }),
    status: 403,
    reaches: 0,
  },
  {
    name: 'a same-origin create still works',
    kind: 'held',
    request: (port) => ({
      method: 'POST',
      target: V2_KEYS,
      headers: { ...JSON_TYPE, ...ownOrigin(port), 'sec-fetch-site': 'same-origin' },
      body: '{"name":"ok","project_id":1}',
    }),
    status: 200,
    reaches: 1,
    forwarded: '{"name":"ok","project_id":1}',
  },
  // Reads: no CORS, whatever the Origin.
  {
    name: 'CORS read from another origin',
    kind: 'finding',
    request: get('/cloud/v1/projects', {
      origin: 'http://localhost:19093',
      'sec-fetch-site': 'same-site',
      'sec-fetch-mode': 'cors',
    }),
    status: 403,
    reaches: 0,
    check: noCorsHeaders,
  },
  {
    name: 'CORS preflight',
    kind: 'finding',
    request: () => ({
      method: 'OPTIONS',
      target: V2_KEYS,
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' },
    }),
    status: 403,
    reaches: 0,
    check: noCorsHeaders,
  },
  // DNS rebinding: a foreign Host is never served the token.
  {
    name: 'Host: evil.example',
    kind: 'finding',
    request: get('/cloud/v1/projects', { host: 'evil.example' }),
    status: { dev: 403, production: 421 },
    reaches: 0,
  },
];
