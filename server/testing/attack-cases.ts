import { sendRawRequest } from './send-raw-request.ts';
import { attackRequest, type AttackCase } from './attack-case.ts';
import { ANSWER_ATTACK_CASES } from './attack-cases-answers.ts';
import { AUDIT_ATTACK_CASES } from './attack-cases-audit.ts';
import { BODY_ATTACK_CASES } from './attack-cases-bodies.ts';
import { REQUESTED_BY_ATTACK_CASES } from './attack-cases-requested-by.ts';
import { TASK_ATTACK_CASES } from './attack-cases-tasks.ts';
import type { FakeUpstream } from './fake-upstream.ts';

const KEYS = '/cloud/v2/inference/api_keys';
const JSON_TYPE = { 'content-type': 'application/json' };
const own = (port: number) => ({ origin: `http://127.0.0.1:${port}` });
const get = (target: string, headers?: Record<string, string>) => () => ({
  method: 'GET',
  target,
  headers,
});
const expectTrue = (value: boolean, what: string) => {
  if (!value) throw new Error(what);
};

/**
 * The attacks issues 10 and 19 report (`finding`) and the ones that already held (`held`), as one
 * table. Each is sent over a raw socket to the dev server and to the production server alike
 * (attacks-dev.test.ts, attacks-production.test.ts).
 */
export const ATTACK_CASES: AttackCase[] = [
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
    request: get(`${KEYS}/not-a-uuid`),
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
  // Bodies: JSON only, 64 KiB counted while reading.
  {
    name: 'a body over 64 KiB by Content-Length',
    kind: 'finding',
    request: () => ({
      method: 'POST',
      target: KEYS,
      headers: { ...JSON_TYPE, 'content-length': String(64 * 1024 + 1) },
      body: '',
    }),
    status: 413,
    reaches: 0,
  },
  {
    name: 'a chunked body over 64 KiB',
    kind: 'finding',
    request: () => ({
      method: 'POST',
      target: KEYS,
      headers: { ...JSON_TYPE, 'transfer-encoding': 'chunked' },
      body: `${'8000\r\n' + 'x'.repeat(0x8000) + '\r\n'}`.repeat(3) + '0\r\n\r\n',
    }),
    status: 413,
    reaches: 0,
  },
  {
    name: 'a text/plain body (no-cors form of CSRF)',
    kind: 'finding',
    request: () => ({
      method: 'POST',
      target: KEYS,
      headers: { 'content-type': 'text/plain' },
      body: '{"name":"x"}',
    }),
    status: 415,
    reaches: 0,
  },
  // Cross-site: writes only from the dashboard's own pages.
  {
    name: 'CSRF: Origin evil.example, text/plain',
    kind: 'finding',
    request: () => ({
      method: 'POST',
      target: KEYS,
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
      target: KEYS,
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
      target: `${KEYS}/5f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0`,
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
      target: KEYS,
      headers: { origin: 'null', ...JSON_TYPE },
      body: '{}',
    }),
    status: 403,
    reaches: 0,
  },
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
    check: (r) =>
      expectTrue(
        !Object.keys(r.headers).some((h) => h.startsWith('access-control-')),
        'no CORS header',
      ),
  },
  {
    name: 'CORS preflight',
    kind: 'finding',
    request: () => ({
      method: 'OPTIONS',
      target: KEYS,
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' },
    }),
    status: 403,
    reaches: 0,
    check: (r) =>
      expectTrue(
        !Object.keys(r.headers).some((h) => h.startsWith('access-control-')),
        'no CORS header',
      ),
  },
  // DNS rebinding: a foreign Host is never served the token.
  {
    name: 'Host: evil.example',
    kind: 'finding',
    request: get('/cloud/v1/projects', { host: 'evil.example' }),
    status: { dev: 403, production: 421 },
    reaches: 0,
  },
  // Least privilege per generation: these servers speak v2, so no v3 call is forwarded.
  {
    name: 'a v3 key call on a v2 server',
    kind: 'held',
    request: (port) => ({
      method: 'DELETE',
      target: '/cloud/v3/inference/1/api_keys/some-key',
      headers: { ...own(port), 'sec-fetch-site': 'same-origin' },
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
      headers: { ...JSON_TYPE, ...own(port), 'sec-fetch-site': 'same-origin' },
      body: '{"api_keys":[]}',
    }),
    status: 403,
    reaches: 0,
  },
  // What upstream says that must not reach the browser, and upstream failures.
  {
    name: 'upstream CORS, cookie and policy headers',
    kind: 'finding',
    mood: 'hostile-headers',
    request: get('/cloud/v1/projects', { cookie: 'session=browser' }),
    status: 200,
    reaches: 1,
    check: (r) => {
      expectTrue(
        !Object.keys(r.headers).some((h) => h.startsWith('access-control-')),
        'no CORS header',
      );
      expectTrue(r.headers['set-cookie'] === undefined, 'no Set-Cookie');
      expectTrue(r.headers['www-authenticate'] === undefined, 'no WWW-Authenticate');
      expectTrue(r.headers['cache-control'] === 'no-store', 'no-store');
    },
  },
  {
    name: 'upstream x-request-id kept beside ours',
    kind: 'finding',
    mood: 'hostile-headers',
    request: get('/cloud/v1/projects'),
    status: 200,
    reaches: 1,
    check: (r) => {
      expectTrue(/^[0-9a-f]{32}$/.test(r.headers['x-request-id'] ?? ''), 'own request id');
      expectTrue(r.headers['x-upstream-request-id'] === 'upstream-id-5a1e', 'upstream id beside');
    },
  },
  {
    name: 'upstream dies mid-body: the answer ends in an error',
    kind: 'finding',
    mood: 'dies-mid-body',
    request: get('/cloud/v1/projects'),
    status: 200,
    reaches: 1,
    check: (r) => expectTrue(!r.complete, 'cut, not completed'),
  },
  {
    name: 'upstream never answers: 504 at the headers deadline',
    kind: 'finding',
    mood: 'hangs',
    request: get('/cloud/v1/projects'),
    status: 504,
    reaches: 1,
  },
  {
    name: 'upstream drips: cut at the body deadline',
    kind: 'finding',
    mood: 'drips',
    request: get('/cloud/v1/projects'),
    status: 200,
    reaches: 1,
    check: (r) => expectTrue(!r.complete, 'cut, not completed'),
  },
  // What held before, and must keep holding.
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
  {
    name: 'smuggling: Content-Length and Transfer-Encoding',
    kind: 'held',
    request: () => ({
      method: 'POST',
      target: KEYS,
      headers: { ...JSON_TYPE, 'content-length': '4', 'transfer-encoding': 'chunked' },
      body: '0\r\n\r\nGET /cloud/v1/users HTTP/1.1\r\nhost: x\r\n\r\n',
    }),
    status: 400,
    reaches: 0,
  },
  {
    name: 'smuggling: duplicate Content-Length',
    kind: 'held',
    request: () => ({
      method: 'POST',
      target: KEYS,
      headers: { ...JSON_TYPE, 'content-length': '2', 'Content-Length': '40' },
      body: '{}',
    }),
    status: 400,
    reaches: 0,
  },
  {
    name: 'huge headers: 431',
    kind: 'held',
    request: get('/cloud/v1/projects', { 'x-big': 'a'.repeat(20_000) }),
    status: 431,
    reaches: 0,
  },
  {
    name: 'upstream redirect: 502, not followed',
    kind: 'held',
    mood: 'redirect',
    request: get('/cloud/v1/projects'),
    status: 502,
    reaches: 1,
    check: (r) => expectTrue(r.headers.location === undefined, 'no Location'),
  },
  {
    name: 'a same-origin create still works',
    kind: 'held',
    request: (port) => ({
      method: 'POST',
      target: KEYS,
      headers: { ...JSON_TYPE, ...own(port), 'sec-fetch-site': 'same-origin' },
      body: '{"name":"ok","project_id":1}',
    }),
    status: 200,
    reaches: 1,
    forwarded: '{"name":"ok","project_id":1}',
  },
  ...BODY_ATTACK_CASES,
  ...AUDIT_ATTACK_CASES,
  ...TASK_ATTACK_CASES,
  ...ANSWER_ATTACK_CASES,
  ...REQUESTED_BY_ATTACK_CASES,
];

/** Sends `attack` and returns the answer, waiting for the fake upstream to settle. */
export async function runAttack(attack: AttackCase, port: number, upstream: FakeUpstream) {
  upstream.mood = attack.mood ?? 'fine';
  const before = upstream.seen.length;
  const response = await sendRawRequest(port, {
    timeoutMs: 5000,
    ...attackRequest(attack, port),
  }).finally(() => (upstream.mood = 'fine'));
  const calls = upstream.seen.slice(before);
  return { response, reached: calls.length, bodies: calls.map((call) => call.body) };
}
