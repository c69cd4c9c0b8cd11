// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { gcoreErrorBodySchema } from '../../src/lib/api-error-schema';
import { createSandbox, type Sandbox } from '../create-sandbox';
import { KEYS, PROJECTS, sandboxCaller } from '../testing/sandbox-test-client';

let sandbox: Sandbox;
let call: ReturnType<typeof sandboxCaller>;
beforeEach(() => {
  sandbox = createSandbox();
  call = sandboxCaller(sandbox);
});
afterEach(() => vi.useRealTimers());

/**
 * A call in flight, once the sandbox holds it (so its delay runs from the fake clock's present),
 * and whether its answer has come.
 */
async function whenAnswered<T>(response: Promise<T>) {
  const answer = { answered: false, response };
  void response.finally(() => (answer.answered = true));
  await vi.advanceTimersByTimeAsync(0);
  expect(sandbox.requestLog.entries()).toHaveLength(1);
  return answer;
}

describe('faults armed in-process', () => {
  it('answers the next matching request with the given status and body, once by default', async () => {
    sandbox.faults.arm({ path: PROJECTS, status: 503, body: { message: 'Service Unavailable' } });
    const faulted = await call('GET', PROJECTS);
    expect(faulted.status).toBe(503);
    expect(faulted.json).toEqual({ message: 'Service Unavailable' });
    expect((await call('GET', PROJECTS)).status).toBe(200);
  });

  it('applies `times` times', async () => {
    sandbox.faults.arm({ path: '/cloud', status: 500, times: 2 });
    expect((await call('GET', PROJECTS)).status).toBe(500);
    expect((await call('GET', KEYS)).status).toBe(500);
    expect((await call('GET', KEYS)).status).toBe(200);
    expect(sandbox.faults.list()).toEqual([]);
  });

  it('matches on method and on a path prefix', async () => {
    sandbox.faults.arm({ method: 'post', path: KEYS, status: 502 });
    expect((await call('GET', KEYS)).status).toBe(200);
    expect((await call('GET', PROJECTS)).status).toBe(200);
    expect((await call('POST', KEYS, { body: { name: 'x' } })).status).toBe(502);
    sandbox.faults.arm({ path: KEYS, status: 500 });
    expect((await call('GET', `${KEYS}/5f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0`)).status).toBe(500);
  });

  it('defaults to a 500 in the Gcore error shape', async () => {
    sandbox.faults.arm({ path: PROJECTS });
    const res = await call('GET', PROJECTS);
    expect(res.status).toBe(500);
    const body = gcoreErrorBodySchema.parse(res.json);
    expect(body.request_id).toBe(res.headers.get('x-request-id'));
  });

  it('answers before authentication, like the network would', async () => {
    sandbox.faults.arm({ path: PROJECTS, status: 429, headers: { 'Retry-After': '2' } });
    const res = await call('GET', PROJECTS, { authorization: null });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('2');
  });

  it('can answer with raw text, e.g. a proxy error page', async () => {
    sandbox.faults.arm({
      path: KEYS,
      status: 502,
      bodyText: '<html>Bad Gateway</html>',
      contentType: 'text/html',
    });
    const res = await call('GET', KEYS);
    expect(res.status).toBe(502);
    expect(res.text).toBe('<html>Bad Gateway</html>');
    expect(res.headers.get('content-type')).toBe('text/html');
  });

  it('can answer 200 with a malformed body', async () => {
    sandbox.faults.arm({ path: KEYS, status: 200, body: { count: 'many' } });
    const res = await call('GET', KEYS);
    expect(res).toMatchObject({ status: 200, json: { count: 'many' } });
  });

  it('drops the connection with Response.error()', async () => {
    sandbox.faults.arm({ path: KEYS, drop: true });
    const res = await sandbox.fetch(new Request(`http://sandbox.test${KEYS}`));
    expect(res.type).toBe('error');
    expect((await call('GET', KEYS)).status).toBe(200);
  });

  it('delays and then handles normally with passThrough', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    sandbox.faults.arm({ path: PROJECTS, delayMs: 150, passThrough: true });
    const answer = await whenAnswered(call('GET', PROJECTS));
    await vi.advanceTimersByTimeAsync(149);
    expect(answer.answered).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((await answer.response).status).toBe(200);
  });

  it('delays a faulted status too', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    sandbox.faults.arm({ path: PROJECTS, delayMs: 100, status: 504 });
    const answer = await whenAnswered(call('GET', PROJECTS));
    await vi.advanceTimersByTimeAsync(99);
    expect(answer.answered).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((await answer.response).status).toBe(504);
  });

  it('stops waiting as soon as the request is aborted', async () => {
    // Ten minutes: had the sandbox kept waiting, the answer would come long after the test's end.
    sandbox.faults.arm({ method: 'POST', path: KEYS, delayMs: 600_000, passThrough: true });
    const controller = new AbortController();
    const answer = call('POST', KEYS, {
      body: { name: 'never-created' },
      signal: controller.signal,
    });
    await vi.waitFor(() => expect(sandbox.requestLog.entries()).toHaveLength(1));
    controller.abort();
    const res = await answer;
    expect(res.type).toBe('error');
    const names = (await call('GET', KEYS)).text;
    expect(names).not.toContain('never-created');
  });

  it('throws on an invalid fault spec', () => {
    expect(() => sandbox.faults.arm({ path: 'no-slash', status: 500 })).toThrow();
    expect(() => sandbox.faults.arm({ path: '/cloud', status: 700 })).toThrow();
    expect(() => sandbox.faults.arm({ path: '/cloud', times: 0 })).toThrow();
  });
});

describe('faults over HTTP (/__sandbox/faults)', () => {
  it('arms, lists and clears faults', async () => {
    const armed = await call('POST', '/__sandbox/faults', {
      body: { path: PROJECTS, status: 500, times: 3 },
      authorization: null,
    });
    expect(armed.status).toBe(201);
    expect(armed.json).toMatchObject({ path: PROJECTS, status: 500, remaining: 3 });
    expect((await call('GET', PROJECTS)).status).toBe(500);
    expect((await call('GET', '/__sandbox/faults')).json).toMatchObject([{ remaining: 2 }]);
    expect((await call('DELETE', '/__sandbox/faults')).status).toBe(204);
    expect((await call('GET', PROJECTS)).status).toBe(200);
  });

  it('rejects an invalid spec with a 400 naming the field', async () => {
    const res = await call('POST', '/__sandbox/faults', { body: { status: 500 } });
    expect(res.status).toBe(400);
    expect(gcoreErrorBodySchema.parse(res.json).invalid_fields).toHaveProperty('path');
    expect((await call('POST', '/__sandbox/faults', { rawBody: '{' })).status).toBe(400);
  });

  it('resets seed data, faults and the log', async () => {
    await call('POST', KEYS, { body: { name: 'temporary' } });
    sandbox.faults.arm({ path: '/cloud/v2', status: 500 });
    expect((await call('POST', '/__sandbox/reset')).status).toBe(204);
    expect(sandbox.faults.list()).toEqual([]);
    expect(sandbox.requestLog.entries()).toEqual([]);
    expect((await call('GET', KEYS)).text).not.toContain('temporary');
  });

  it('reset() does the same in-process', async () => {
    await call('POST', KEYS, { body: { name: 'temporary' } });
    sandbox.reset();
    expect((await call('GET', KEYS)).text).not.toContain('temporary');
  });

  it('reset can seed many generated keys for paging, and rejects a bad count', async () => {
    expect((await call('POST', '/__sandbox/reset', { body: { seedKeys: 250 } })).status).toBe(204);
    const list = (await call('GET', `${KEYS}?limit=1`)).json as { count: number };
    expect(list.count).toBeGreaterThanOrEqual(250);
    expect((await call('POST', '/__sandbox/reset', { body: { seedKeys: -1 } })).status).toBe(400);
    expect((await call('POST', '/__sandbox/reset')).status).toBe(204);
    expect(((await call('GET', `${KEYS}?limit=1`)).json as { count: number }).count).toBeLessThan(
      10,
    );
  });
});
