import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxServer, type SandboxServer } from '../sandbox/server.ts';
import { REQUESTED_BY } from '../src/lib/request-header.ts';
import type { ApiGenerationSetting } from './api-generation.ts';
import { startDevFront, startProductionFront, type Front } from './testing/test-fronts.ts';
import { freePort } from './testing/free-port.ts';
import { sendRawRequest } from './testing/send-raw-request.ts';

const TOKEN = 'wiring-token-3b7e';
const SAME_ORIGIN = { 'sec-fetch-site': 'same-origin', ...REQUESTED_BY };
const V2_KEYS = '/cloud/v2/inference/api_keys?project_id=1';
const V3_KEYS = '/cloud/v3/inference/1/api_keys';

type Start = typeof startDevFront;

/** GCORE_API_VERSION through both servers, with the real sandbox as the API behind them. */
describe.each([
  ['dev', startDevFront],
  ['production', startProductionFront],
] as const)('the %s server chooses the generation', (_kind, start: Start) => {
  let v2Only: SandboxServer;
  let both: SandboxServer;
  const fronts: Front[] = [];
  beforeAll(async () => {
    v2Only = await startSandboxServer({ token: TOKEN, apiVersions: ['v2'] });
    both = await startSandboxServer({ token: TOKEN });
  });
  afterAll(async () => {
    await Promise.all(fronts.map((front) => front.close()));
    await Promise.all([v2Only?.close(), both?.close()]);
  });
  const front = async (
    api: SandboxServer,
    token: string | undefined,
    apiVersion: ApiGenerationSetting,
  ) => {
    const started = await start({ upstreamUrl: api.url, token, apiVersion });
    fronts.push(started);
    return started;
  };
  const get = (port: number, target: string, headers: Record<string, string> = {}) =>
    sendRawRequest(port, { method: 'GET', target, headers: { ...SAME_ORIGIN, ...headers } });
  const generationOf = async (port: number, headers?: Record<string, string>) =>
    JSON.parse((await get(port, '/__app/api-generation', headers)).body) as {
      generation: string | null;
      reason: string;
    };

  it('auto with a server token probes at start: v3 where it answers, v2 where it is missing', async () => {
    const onBoth = await front(both, TOKEN, 'auto');
    const onV2 = await front(v2Only, TOKEN, 'auto');
    expect(await generationOf(onBoth.port)).toMatchObject({ generation: 'v3' });
    expect(await generationOf(onV2.port)).toMatchObject({ generation: 'v2' });
    expect(onBoth.lines).toContainEqual(expect.stringContaining('"generation":"v3"'));
    // Least privilege: each forwards its own generation's key calls only.
    expect((await get(onBoth.port, V3_KEYS)).status).toBe(200);
    expect((await get(onBoth.port, V2_KEYS)).status).toBe(403);
    expect((await get(onV2.port, V2_KEYS)).status).toBe(200);
    expect((await get(onV2.port, V3_KEYS)).status).toBe(403);
    expect((await get(onV2.port, '/cloud/v1/projects')).status).toBe(200);
  });

  it('a pinned generation is not probed and refuses the other one', async () => {
    const pinned = await front(both, TOKEN, 'v2');
    both.sandbox.reset();
    expect(await generationOf(pinned.port)).toEqual({
      generation: 'v2',
      reason: 'set by GCORE_API_VERSION',
    });
    const refused = await get(pinned.port, V3_KEYS);
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.body)).toMatchObject({ exception_class: 'ForbiddenByGateway' });
    expect(both.sandbox.requestLog.entries().map((e) => e.path)).not.toContain(V3_KEYS);
  });

  it('personal sign-in: a caller’s own token decides for that caller only', async () => {
    const personal = await front(both, undefined, 'auto');
    const before = await generationOf(personal.port);
    expect(before.generation).toBeNull();
    // Undecided, no key call is forwarded on a guess; the projects list (sign-in) still is.
    const refused = await get(personal.port, V3_KEYS);
    expect(refused.status).toBe(503);
    expect(JSON.parse(refused.body)).toMatchObject({ exception_class: 'ApiGenerationUndecided' });
    expect(
      (await get(personal.port, '/cloud/v1/projects', { authorization: `APIKey ${TOKEN}` })).status,
    ).toBe(200);
    expect(
      (await generationOf(personal.port, { authorization: 'APIKey wrong' })).generation,
    ).toBeNull();

    const answer = await get(personal.port, '/__app/api-generation', {
      authorization: `APIKey ${TOKEN}`,
    });
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(answer.body)).toMatchObject({ generation: 'v3' });
    expect(answer.body).not.toContain(TOKEN);
    expect(personal.lines.join('\n')).not.toContain(TOKEN);
    // Nobody else's: without a token, or with another one, still undecided.
    expect((await generationOf(personal.port)).generation).toBeNull();
    expect(
      (await generationOf(personal.port, { authorization: 'APIKey wrong' })).generation,
    ).toBeNull();
    expect((await get(personal.port, V3_KEYS)).status).toBe(503);
  });

  it('personal sign-in: the first key call decides with the caller’s own token', async () => {
    const personal = await front(v2Only, undefined, 'auto');
    const list = await get(personal.port, V2_KEYS, { authorization: `APIKey ${TOKEN}` });
    expect(list.status).toBe(200);
    const own = { authorization: `APIKey ${TOKEN}` };
    expect((await generationOf(personal.port, own)).generation).toBe('v2');
    expect((await get(personal.port, V3_KEYS, own)).status).toBe(403);
  });

  // Production renders its meta tags in main.ts: e2e/production/api-generation.spec.ts.
  it.runIf(start === startDevFront)('tells the page through meta tags', async () => {
    const dev = await startDevFront({
      upstreamUrl: both.url,
      token: TOKEN,
      apiVersion: 'auto',
      env: { GCORE_TASK_POLL_MS: '200' },
    });
    fronts.push(dev);
    const page = await get(dev.port, '/', { 'sec-fetch-site': 'none', accept: 'text/html' });
    expect(page.body).toContain('<meta name="gcore-api-version" content="v3"');
    // The server's jobs poll the tasks: the page is not told how often.
    expect(page.body).not.toContain('gcore-task-poll-ms');
  });

  it('an API down at start: 502 while it stays down, the generation once it answers', async () => {
    const port = await freePort();
    // Asked again at once rather than after the usual pause: the API is back when the test says.
    const down = await start({
      upstreamUrl: `http://127.0.0.1:${port}`,
      token: TOKEN,
      apiVersion: 'auto',
      probeRetryMs: 0,
    });
    fronts.push(down);
    const refused = await get(down.port, '/__app/api-generation');
    expect(refused.status).toBe(502);
    // The caller learns that it failed; the operator's log says why.
    expect(JSON.parse(refused.body)).toMatchObject({ exception_class: 'GenerationProbeFailed' });
    expect(refused.body).not.toMatch(/fetch failed|ECONNREFUSED/);
    expect(down.lines.join('\n')).toMatch(/fetch failed|ECONNREFUSED/);
    const back = await startSandboxServer({ token: TOKEN, port });
    try {
      expect(await generationOf(down.port)).toMatchObject({ generation: 'v3' });
    } finally {
      await back.close();
    }
  });

  it('refuses another site asking the server to probe', async () => {
    const personal = await front(both, undefined, 'auto');
    const answer = await sendRawRequest(personal.port, {
      method: 'GET',
      target: '/__app/api-generation',
      headers: {
        ...REQUESTED_BY,
        'sec-fetch-site': 'cross-site',
        authorization: `APIKey ${TOKEN}`,
      },
    });
    expect(answer.status).toBe(403);
    expect((await generationOf(personal.port)).generation).toBeNull();
  });

  it('refuses a probe asked without the dashboard’s header: nothing reaches the API', async () => {
    const personal = await front(both, undefined, 'auto');
    both.sandbox.reset();
    // What a cross-site <img> sends to a plain-HTTP origin: no Sec-Fetch-*, no Origin.
    const answer = await sendRawRequest(personal.port, {
      method: 'GET',
      target: '/__app/api-generation',
      headers: { authorization: `APIKey ${TOKEN}` },
    });
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body)).toMatchObject({ exception_class: 'MissingRequestHeader' });
    expect(both.sandbox.requestLog.entries()).toEqual([]);
  });
});
