import { describe, expect, it } from 'vitest';
import { probeApiGeneration, readApiGenerationSetting } from './api-generation';

const json = (status: number, value: unknown) =>
  new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json' } });

const PROJECTS = {
  count: 2,
  results: [
    { id: 1, state: 'ACTIVE' },
    { id: 7, is_default: true, state: 'ACTIVE' },
  ],
};
const ROUTE_MISSING = () => json(404, { exception_class: 'NotFoundError', message: 'Not Found' });
const V2_ANSWERS = {
  '/cloud/v1/projects': () => json(200, PROJECTS),
  '/cloud/v3/inference/7/api_keys': ROUTE_MISSING,
  '/cloud/v2/inference/api_keys': () => json(200, { count: 0, results: [] }),
};

function fakeApi(answers: Record<string, () => Response>) {
  const asked: string[] = [];
  const fetchImpl = async (url: string, init: RequestInit) => {
    const { pathname } = new URL(url);
    asked.push(`${pathname} ${new Headers(init.headers).get('authorization') ?? '-'}`);
    const answer = answers[pathname];
    if (!answer) throw new TypeError('fetch failed');
    return answer();
  };
  return { asked, fetchImpl };
}

describe('probeApiGeneration', () => {
  const target = { url: 'https://api.example', authorization: 'APIKey t' };

  it('picks v3 when the default project’s v3 key list answers', async () => {
    const api = fakeApi({
      '/cloud/v1/projects': () => json(200, PROJECTS),
      '/cloud/v3/inference/7/api_keys': () => json(200, { count: 0, results: [] }),
    });
    expect(await probeApiGeneration(target, api.fetchImpl)).toMatchObject({ generation: 'v3' });
    expect(api.asked).toEqual([
      '/cloud/v1/projects APIKey t',
      '/cloud/v3/inference/7/api_keys APIKey t',
    ]);
  });

  it('picks v2 on two agreeing signals: no v3 key list, and the v2 one answering', async () => {
    const api = fakeApi(V2_ANSWERS);
    expect(await probeApiGeneration(target, api.fetchImpl)).toMatchObject({ generation: 'v2' });
    expect(api.asked).toEqual([
      '/cloud/v1/projects APIKey t',
      '/cloud/v3/inference/7/api_keys APIKey t',
      '/cloud/v2/inference/api_keys APIKey t',
    ]);
  });

  // A 404 may mean "no such project" as well as "no such route": never v2 on a 404 alone.
  it.each([
    [
      'a default project listed with no state (unknown)',
      {
        ...V2_ANSWERS,
        '/cloud/v1/projects': () => json(200, { results: [{ id: 7, is_default: true }] }),
      },
      /not listed as ACTIVE/,
    ],
    [
      'a default project that is not ACTIVE',
      {
        ...V2_ANSWERS,
        '/cloud/v1/projects': () =>
          json(200, { results: [{ id: 7, is_default: true, state: 'DELETED' }] }),
      },
      /not listed as ACTIVE/,
    ],
    [
      'a 404 on the v2 key list too (no such project)',
      { ...V2_ANSWERS, '/cloud/v2/inference/api_keys': ROUTE_MISSING },
      /v2 key list answered HTTP 404/,
    ],
    [
      'an unreachable v2 key list',
      { ...V2_ANSWERS, '/cloud/v2/inference/api_keys': () => json(503, {}) },
      /v2 key list answered HTTP 503/,
    ],
  ])('decides nothing on a v3 404 with %s', async (_case, answers, reason) => {
    const result = await probeApiGeneration(target, fakeApi(answers).fetchImpl);
    expect(result.generation).toBeNull();
    expect(result.reason).toMatch(reason);
  });

  it.each([
    ['a refused token', { '/cloud/v1/projects': () => json(401, {}) }, /HTTP 401/, false],
    ['an unreachable API', {}, /fetch failed/, true],
    ['a failing projects list', { '/cloud/v1/projects': () => json(502, {}) }, /HTTP 502/, true],
    [
      'a server error on the v3 route',
      {
        '/cloud/v1/projects': () => json(200, PROJECTS),
        '/cloud/v3/inference/7/api_keys': () => json(503, {}),
      },
      /HTTP 503/,
      true,
    ],
    [
      'no project',
      { '/cloud/v1/projects': () => json(200, { count: 0, results: [] }) },
      /no project/,
      false,
    ],
  ])('decides nothing on %s', async (_case, answers, reason, unreachable) => {
    const result = await probeApiGeneration(target, fakeApi(answers).fetchImpl);
    expect(result.generation).toBeNull();
    expect(result.reason).toMatch(reason);
    // Unreachable: asking again later may decide; the page keeps asking rather than giving up.
    expect(result.generation === null && result.unreachable).toBe(unreachable);
  });
});

describe('readApiGenerationSetting', () => {
  it('defaults to auto and refuses a typo at start-up', () => {
    expect(readApiGenerationSetting(undefined)).toBe('auto');
    expect(readApiGenerationSetting(' v2 ')).toBe('v2');
    expect(() => readApiGenerationSetting('3')).toThrow(/GCORE_API_VERSION/);
  });
});
