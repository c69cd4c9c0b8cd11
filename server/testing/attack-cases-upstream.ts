import { type AttackCase, expectTrue, get, noCorsHeaders } from './attack-case.ts';

/** What upstream says that must not reach the browser, and upstream failures. */
export const UPSTREAM_ATTACK_CASES: AttackCase[] = [
  // Headers the page must never see.
  {
    name: 'upstream CORS, cookie and policy headers',
    kind: 'finding',
    mood: 'hostile-headers',
    request: get('/cloud/v1/projects', { cookie: 'session=browser' }),
    status: 200,
    reaches: 1,
    check: (r) => {
      noCorsHeaders(r);
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
  // An upstream that fails mid-way, hangs, drips or redirects.
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
  {
    name: 'upstream redirect: 502, not followed',
    kind: 'held',
    mood: 'redirect',
    request: get('/cloud/v1/projects'),
    status: 502,
    reaches: 1,
    check: (r) => expectTrue(r.headers.location === undefined, 'no Location'),
  },
];
