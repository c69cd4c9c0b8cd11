import { type AttackCase, expectTrue } from './attack-case.ts';

const projects = () => ({ method: 'GET', target: '/cloud/v1/projects' });

/** Issue 19, finding 11: what the API answers reaches the page only as JSON, plain, bounded. */
export const ANSWER_ATTACK_CASES: AttackCase[] = [
  {
    name: 'upstream HTML on the dashboard’s origin',
    kind: 'finding',
    mood: 'html',
    request: projects,
    status: 502,
    reaches: 1,
    check: (r) => {
      expectTrue(r.headers['content-type'] === 'application/json', 'a JSON error');
      expectTrue(!r.body.includes('<script>'), 'no upstream markup');
    },
  },
  {
    name: 'upstream gzip answer (a decompression bomb in the page)',
    kind: 'finding',
    mood: 'gzip',
    request: projects,
    status: 502,
    reaches: 1,
    check: (r) => expectTrue(r.headers['content-encoding'] === undefined, 'no encoding passed'),
  },
  {
    name: 'upstream answer over 16 MiB by Content-Length: a clear 502',
    kind: 'finding',
    mood: 'huge-length',
    request: projects,
    status: 502,
    reaches: 1,
    check: (r) => expectTrue(r.body.includes('16 MiB'), 'says why'),
  },
  {
    name: 'upstream answer streaming past 16 MiB: cut',
    kind: 'finding',
    mood: 'huge-stream',
    request: projects,
    status: 200,
    reaches: 1,
    check: (r) => {
      expectTrue(!r.complete, 'cut, not completed');
      expectTrue(r.body.length <= 16 * 1024 * 1024 + 64 * 1024, 'no more than the cap');
    },
  },
  {
    name: 'an empty 204 still passes',
    kind: 'held',
    mood: 'empty-204',
    request: projects,
    status: 204,
    reaches: 1,
  },
];
