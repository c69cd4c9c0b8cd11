import { rawGet, rawWithBody } from './raw-http';
import { KEYS as K } from './sandbox-test-client';
import { SEED_KEY_IDS } from './seed-api-keys';

const AUTH = 'Authorization: APIKey parity-token\r\n';
const JSON_AUTH = `${AUTH}Content-Type: application/json\r\n`;
const CONTROL = 'Content-Type: application/json\r\n';

const get = (path: string, headers = AUTH) => rawGet(path, headers);
const post = (body: string, headers = JSON_AUTH, path = K) =>
  rawWithBody('POST', path, headers, body);
const withHost = (host: string) =>
  `GET ${K}?limit=1 HTTP/1.1\r\n${host === '' ? '' : `Host: ${host}\r\n`}${AUTH}\r\n`;
const chunked = (parts: string[]) =>
  `POST ${K} HTTP/1.1\r\nHost: 127.0.0.1\r\n${JSON_AUTH}Transfer-Encoding: chunked\r\n\r\n` +
  parts.map((part) => `${Buffer.byteLength(part).toString(16)}\r\n${part}\r\n`).join('') +
  '0\r\n\r\n';
const arm = (fault: object) => post(JSON.stringify(fault), CONTROL, '/__sandbox/faults');

/**
 * Requests for the fast-path parity test, in order (state carries over from one to the next):
 * the two hot calls in every shape the fast path takes, and the shapes it must hand on.
 */
export const FAST_PATH_CASES: [string, string][] = [
  ['list as the app', get(`${K}?project_id=1&limit=25&offset=0&order_by=created_at.desc`)],
  ['list, no query', get(K)],
  ['list, empty query', get(`${K}?`)],
  ['list project 2', get(`${K}?project_id=2`)],
  ['list page', get(`${K}?limit=2&offset=1`)],
  ...['name', 'created_at', 'expires_at'].flatMap((field): [string, string][] => [
    [`list ${field} asc`, get(`${K}?order_by=${field}.asc&limit=4&offset=1`)],
    [`list ${field} desc`, get(`${K}?order_by=${field}.desc&limit=4&offset=2`)],
  ]),
  ['list past the end', get(`${K}?offset=50`)],
  ['list desc, last page', get(`${K}?order_by=name.desc&offset=5&limit=3`)],
  ['list bad everything', get(`${K}?limit=0&offset=-1&order_by=x.y`)],
  ['list empty limit', get(`${K}?limit=`)],
  ['list bare limit', get(`${K}?limit`)],
  ['list repeated', get(`${K}?limit=1&limit=2`)],
  ['list percent-encoded', get(`${K}?order_by=created_at%2Easc&limit=%32`)],
  ['list encoded name', get(`${K}?%6Cimit=1`)],
  ['list plus', get(`${K}?order_by=name+asc`)],
  ['list bad escape', get(`${K}?limit=%zz`)],
  ['list project abc', get(`${K}?project_id=abc`)],
  ['list unknown project', get(`${K}?project_id=99`)],
  ['list deleted project', get(`${K}?project_id=3`)],
  ['list fragment', get(`${K}?limit=1#x`)],
  ['list quotes', get(`${K}?limit=1&x='"<>`)],
  ['list backslash', get(`${K}?limit=1&x=a\\b`)],
  ['list trailing slash', get(`${K}/`)],
  ['list dot segment', get(`/cloud/v2/inference/./api_keys?limit=1`)],
  ['list encoded path', get(`/cloud/v2/inference/api%5Fkeys?limit=1`)],
  ['list absolute form', get(`http://127.0.0.1${K}?limit=1`)],
  ['head', rawGet(`${K}?limit=1`, AUTH, 'HEAD')],
  ['options', rawGet(K, AUTH, 'OPTIONS')],
  ['put', rawWithBody('PUT', K, JSON_AUTH, '{}')],
  ['no token', get(K, '')],
  ['bearer', get(K, 'Authorization: Bearer parity-token\r\n')],
  ['wrong token', get(K, 'Authorization: APIKey nope\r\n')],
  ['lower-case scheme', get(`${K}?limit=1`, 'Authorization: apikey parity-token\r\n')],
  ['two spaces', get(K, 'Authorization: APIKey  parity-token\r\n')],
  ...['', 'LOCALHOST', 'LOCALHOST:80', 'example.com:8080', 'a b', '0x7f.1', '[::1]:80', 'x:'].map(
    (host): [string, string] => [`host "${host}"`, withHost(host)],
  ),
  ['create', post('{"name":"created-one","project_id":1}')],
  ['create again', post('{"name":"created-one","project_id":1}')],
  ['create, every field', post(JSON.stringify(fullCreate()))],
  [
    'create with milliseconds',
    post('{"name":"created-ms","expires_at":"2099-01-01T00:00:00.123Z"}'),
  ],
  ['create in project 2', post('{"name":"created-one","project_id":2}')],
  ['create, broken JSON', post('{"name":')],
  ['create, array', post('[]')],
  ['create, empty', post('')],
  ['create, blank', post('   ')],
  ['create, no name', post('{"project_id":1}')],
  ['create, bad fields', post(badFields())],
  ['create, past expiry', post('{"name":"past","expires_at":"2000-01-01T00:00:00Z"}')],
  ['create, unknown project', post('{"name":"x1","project_id":99}')],
  ['create, unknown deployment', post(unknownDeployment())],
  ['create, unicode', post(JSON.stringify({ name: 'ключ', description: 'é "q" \u2028' }))],
  ['create, text/plain', post('{"name":"plain-type"}', `${AUTH}Content-Type: text/plain\r\n`)],
  ['create, chunked', chunked(['{"name":"chun', 'ked-key"}'])],
  ['create, query', post('{"name":"with-query"}', JSON_AUTH, `${K}?project_id=2`)],
  ['create, no token', post('{"name":"no-token"}', CONTROL)],
  ['create, bad host', post('{"name":"bad-host"}').replace('Host: 127.0.0.1', 'Host: a b')],
  ['edit expiry', rawWithBody('PATCH', `${K}/${SEED_KEY_IDS.oldDemo}`, JSON_AUTH, editBody())],
  ['delete', rawGet(`${K}/${SEED_KEY_IDS.ciPipeline}`, AUTH, 'DELETE')],
  ['list after writes', get(`${K}?limit=100`)],
  ['list after writes by expiry', get(`${K}?order_by=expires_at.desc&limit=100`)],
  ['list after writes by name', get(`${K}?order_by=name.asc&limit=100&project_id=2`)],
  ['arm a fault', arm({ path: K, status: 503 })],
  ['list, faulted', get(K)],
  ['arm a pass-through', arm({ path: K, passThrough: true, delayMs: 5 })],
  ['list, passed through', get(`${K}?limit=1`)],
  ['arm a create fault', arm({ method: 'POST', path: '/cloud/', status: 418, body: { x: 1 } })],
  ['create, faulted', post('{"name":"faulted"}')],
  ['arm an unrelated fault', arm({ path: '/cloud/v1/projects', status: 500 })],
  ['list beside an unrelated fault', get(`${K}?limit=1`)],
  ['create beside an unrelated fault', post('{"name":"beside-fault"}')],
];

/** Control calls compared once the cases have run. */
export const SANDBOX_CALLS_AFTER = ['/__sandbox/faults'];

function fullCreate() {
  return {
    name: 'created-two',
    description: 'd',
    expires_at: '2099-01-01T00:00:00.000+01:00',
    inference_instance_ids: [
      'A1B2C3D4-5E6F-4A7B-8C9D-0E1F2A3B4C5D',
      'a1b2c3d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
    ],
  };
}

function badFields(): string {
  return JSON.stringify({
    name: '',
    project_id: 'x',
    description: 5,
    expires_at: '2000-01-01T00:00:00Z',
    inference_instance_ids: ['nope', 3],
  });
}

function unknownDeployment(): string {
  return JSON.stringify({ name: 'x2', inference_instance_ids: [SEED_KEY_IDS.stagingTests] });
}

function editBody(): string {
  return JSON.stringify({ expires_at: '2098-05-05T05:05:05Z', description: 'edited' });
}
