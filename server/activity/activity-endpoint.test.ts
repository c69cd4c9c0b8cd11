import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { devOriginPolicy } from '../gateway/dev-origin-policy.ts';
import { createReaderCheck, everyReader, type ReaderCheck } from '../jobs/reader-check.ts';
import { startFakeUpstream, type FakeUpstream } from '../testing/fake-upstream.ts';
import { startMiddlewareFront } from '../testing/jobs-front.ts';
import { activityEndpoint } from './activity-endpoint.ts';
import type { ActivityFilter } from './activity-store.ts';

const GOOD = 'APIKey good-token';
const asked: ActivityFilter[] = [];
const page = { results: [], next_before: null };
let upstream: FakeUpstream;

function front(readers: ReaderCheck) {
  return startMiddlewareFront(
    activityEndpoint({
      store: { list: async (filter) => (asked.push(filter), page) },
      policy: devOriginPolicy(undefined),
      readers,
      writeLine: () => {},
    }),
  );
}

let shared: Awaited<ReturnType<typeof front>>;
let personal: Awaited<ReturnType<typeof front>>;
beforeAll(async () => {
  upstream = await startFakeUpstream();
  upstream.script = (call) =>
    call.headers.authorization === GOOD
      ? { status: 200, body: { count: 1, results: [{ id: 1 }] } }
      : { status: 401, body: { message: 'Invalid token' } };
  shared = await front(everyReader);
  personal = await front(createReaderCheck({ apiUrl: upstream.url }));
});
afterAll(async () => {
  await Promise.all([shared.close(), personal.close(), upstream.close()]);
});
beforeEach(() => {
  asked.length = 0;
});

describe('GET /__app/activity', () => {
  it('reads a project page with its filters, uncached', async () => {
    const answer = await shared.call(
      'GET',
      '/__app/activity?project_id=3&key=team-key&key_id=k-1&before=42&limit=10',
    );
    expect(answer).toMatchObject({ status: 200, body: page });
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(asked).toEqual([{ project: 3, keys: ['team-key', 'k-1'], before: '42', limit: 10 }]);
    await shared.call('GET', '/__app/activity?project_id=3');
    expect(asked[1]).toEqual({ project: 3, keys: [], before: undefined, limit: 50 });
  });

  it.each([
    ['', 'project_id must be a positive whole number, as in ?project_id=1.'],
    ['?project_id=0', 'project_id must be a positive whole number, as in ?project_id=1.'],
    ['?project_id=1&before=abc', 'before must be the id of an event, a positive whole number.'],
    ['?project_id=1&limit=0', 'limit must be a whole number from 1 to 200.'],
    ['?project_id=1&limit=500', 'limit must be a whole number from 1 to 200.'],
    ['?project_id=1&key=', 'key must be a key name or id of 1 to 256 characters.'],
    [
      `?project_id=1&key=${'k'.repeat(257)}`,
      'key must be a key name or id of 1 to 256 characters.',
    ],
    ['?project_id=1&project_id=2', 'project_id may be given once.'],
  ])('refuses %s with 400 naming the parameter', async (query, message) => {
    const answer = await shared.call('GET', `/__app/activity${query}`);
    expect(answer).toMatchObject({
      status: 400,
      body: { exception_class: 'InvalidQuery', message },
    });
    expect(asked).toEqual([]);
  });

  it('answers only this server’s pages on its own hosts, and only GET', async () => {
    const path = '/__app/activity?project_id=1';
    const rebound = await shared.call('GET', path, { headers: { host: 'evil.example' } });
    expect(rebound.status).toBe(421);
    const otherOrigin = await shared.call('GET', path, {
      headers: { origin: 'https://evil.example' },
    });
    expect(otherOrigin.status).toBe(403);
    const bare = await shared.call('GET', path, { headers: { 'x-requested-by': '' } });
    expect(bare.status).toBe(403);
    const post = await shared.call('POST', path, { body: {} });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET');
    expect(asked).toEqual([]);
  });

  it('under personal sign-in, reads only for callers the API accepts', async () => {
    const path = '/__app/activity?project_id=1';
    const nobody = await personal.call('GET', path);
    expect(nobody).toMatchObject({ status: 401, body: { exception_class: 'NotSignedIn' } });
    const refused = await personal.call('GET', path, {
      headers: { authorization: 'APIKey wrong' },
    });
    expect(refused).toMatchObject({ status: 401, body: { exception_class: 'NotAuthenticated' } });
    expect(asked).toEqual([]);
    const accepted = await personal.call('GET', path, { headers: { authorization: GOOD } });
    expect(accepted.status).toBe(200);
    expect(asked).toHaveLength(1);
  });
});
