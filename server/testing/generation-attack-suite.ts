import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendFromDashboard } from './send-raw-request.ts';
import { startFakeUpstream, type FakeUpstream, type ScriptedAnswer } from './fake-upstream.ts';
import type { Front, FrontOptions } from './test-fronts.ts';

const SERVER_TOKEN = 'server-token-77d2';
const ENDPOINT = '/__app/api-generation';
const PROJECTS = '/cloud/v1/projects';
/** Far longer than a test runs: whatever is remembered stays remembered, however slow the box. */
const REMEMBERED_MS = 10 * 60_000;

const notFound = (message: string): ScriptedAnswer => ({
  status: 404,
  body: { exception_class: 'NotFoundError', message },
});

/**
 * Issue 19 #1 and #8, over raw sockets: who may settle the API generation, and how often the
 * server asks the API on a caller's behalf. Each server gets its own scripted stand-in for Gcore.
 */
export function describeGenerationAttacks(
  kind: 'dev' | 'production',
  start: (options: FrontOptions) => Promise<Front>,
) {
  describe(`the generation choice under attack (${kind})`, () => {
    let upstream: FakeUpstream;
    const fronts: Front[] = [];
    beforeAll(async () => {
      upstream = await startFakeUpstream();
    });
    afterAll(async () => {
      await Promise.all(fronts.map((front) => front.close()));
      await upstream?.close();
    });
    const started = async (options: Omit<FrontOptions, 'upstreamUrl'>) => {
      const front = await start({
        upstreamUrl: upstream.url,
        probeRetryMs: REMEMBERED_MS,
        ...options,
      });
      fronts.push(front);
      return front;
    };
    const get = (front: Front, target: string, authorization?: string) =>
      sendFromDashboard(front.port, {
        method: 'GET',
        target,
        headers: authorization ? { authorization } : {},
      });

    it('finding #8: 20 anonymous questions make at most one probe, told a generic reason', async () => {
      // The server's token is refused on the key list: the probe decides nothing.
      upstream.script = (call) => {
        if (call.url.startsWith(PROJECTS)) {
          return { status: 200, body: { results: [{ id: 1, is_default: true, state: 'ACTIVE' }] } };
        }
        return { status: 401, body: { exception_class: 'Unauthorized', message: 'Invalid token' } };
      };
      const before = upstream.seen.length;
      const front = await started({ token: SERVER_TOKEN, apiVersion: 'auto' });
      const answers = [];
      for (let i = 0; i < 20; i++) answers.push(await get(front, ENDPOINT));
      // One probe (projects, then the v3 key list), at start; none for the 20 questions.
      expect(upstream.seen.length - before).toBeLessThanOrEqual(2);
      for (const answer of answers) {
        expect(answer.status).toBe(200);
        expect(JSON.parse(answer.body)).toEqual({
          generation: null,
          reason: 'the API could not be asked yet',
        });
      }
      // The operator still learns why.
      expect(front.lines.join('\n')).toContain('HTTP 401');
      expect(front.lines.join('\n')).not.toContain(SERVER_TOKEN);
    });

    it('finding #1: a 404 on a project nobody else has does not put everyone on v2', async () => {
      const stranger = 'APIKey stranger-account';
      const user = 'APIKey user-account';
      upstream.script = (call) => {
        const who = call.headers.authorization;
        if (call.url.startsWith(PROJECTS)) {
          const project =
            who === stranger
              ? { id: 777, is_default: true }
              : { id: 1, is_default: true, state: 'ACTIVE' };
          return { status: 200, body: { count: 1, results: [project] } };
        }
        // Both key lists: this account has no project 777 as far as the API is concerned.
        if (call.url.includes('777')) return notFound('Project 777 not found.');
        return undefined;
      };
      const personal = await started({ token: undefined, apiVersion: 'auto' });
      const strangers = JSON.parse((await get(personal, ENDPOINT, stranger)).body) as unknown;
      expect(strangers).toMatchObject({ generation: null });
      expect(JSON.parse((await get(personal, ENDPOINT)).body)).toMatchObject({ generation: null });
      // Another user's v3 call is still forwarded, with that user's own token.
      const keys = '/cloud/v3/inference/1/api_keys';
      const list = await get(personal, keys, user);
      expect(list.status).toBe(200);
      expect(upstream.seen.at(-1)).toMatchObject({ url: keys, headers: { authorization: user } });
    });
  });
}
