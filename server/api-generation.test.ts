import { describe, expect, it } from 'vitest';
import { probeApiGeneration, readApiGenerationSetting } from './api-generation';

const json = (status: number, value: unknown) =>
  new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json' } });

const PROJECTS = { count: 2, results: [{ id: 1 }, { id: 7, is_default: true }] };

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

  it('picks v2 when the v3 route is not there', async () => {
    const api = fakeApi({
      '/cloud/v1/projects': () => json(200, PROJECTS),
      '/cloud/v3/inference/7/api_keys': () => json(404, { message: 'Not Found' }),
    });
    expect(await probeApiGeneration(target, api.fetchImpl)).toMatchObject({ generation: 'v2' });
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
