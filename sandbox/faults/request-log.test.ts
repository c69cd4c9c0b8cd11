// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createSandbox } from '../create-sandbox';
import type { RequestLogEntry } from '../../shared/sandbox-control-contract';
import { REQUEST_LOG_LIMIT, RequestLog } from './request-log';
import { KEYS, PROJECTS, sandboxCaller } from '../testing/sandbox-test-client';

const TOKEN = 'very-secret-token-0042';

describe('request log', () => {
  it('records each /cloud request in order, with its parsed body and an auth verdict', async () => {
    const sandbox = createSandbox({ token: TOKEN });
    const call = sandboxCaller(sandbox);
    await call('GET', `${PROJECTS}?limit=5&name=stag`);
    await call('POST', KEYS, { body: { name: 'logged-key', description: null } });
    await call('POST', KEYS, { rawBody: 'not json' });
    await call('GET', KEYS, { authorization: null });
    await call('GET', KEYS, { authorization: `APIKey ${TOKEN}-wrong` });
    await call('GET', KEYS, { authorization: `Bearer ${TOKEN}` });

    const log = (await call('GET', '/__sandbox/requests')).json as RequestLogEntry[];
    expect(
      log.map(({ method, path, query, body, authorization }) => ({
        method,
        path,
        query,
        body,
        authorization,
      })),
    ).toEqual([
      {
        method: 'GET',
        path: PROJECTS,
        query: 'limit=5&name=stag',
        body: null,
        authorization: 'valid',
      },
      {
        method: 'POST',
        path: KEYS,
        query: '',
        body: { name: 'logged-key', description: null },
        authorization: 'valid',
      },
      { method: 'POST', path: KEYS, query: '', body: null, authorization: 'valid' },
      { method: 'GET', path: KEYS, query: '', body: null, authorization: 'missing' },
      { method: 'GET', path: KEYS, query: '', body: null, authorization: 'invalid' },
      { method: 'GET', path: KEYS, query: '', body: null, authorization: 'invalid' },
    ]);
    expect(JSON.stringify(log)).not.toContain(TOKEN);
    expect(JSON.stringify(sandbox.requestLog.entries())).not.toContain(TOKEN);
  });

  it('marks faulted requests and leaves out the control routes', async () => {
    const sandbox = createSandbox();
    const call = sandboxCaller(sandbox);
    const fault = sandbox.faults.arm({ path: PROJECTS, status: 500 });
    await call('GET', PROJECTS);
    await call('GET', PROJECTS);
    await call('GET', '/__sandbox/faults');
    expect(sandbox.requestLog.entries().map((e) => e.faultId)).toEqual([fault.id, null]);
  });

  it('is cleared by DELETE /__sandbox/requests', async () => {
    const sandbox = createSandbox();
    const call = sandboxCaller(sandbox);
    await call('GET', PROJECTS);
    expect((await call('DELETE', '/__sandbox/requests')).status).toBe(204);
    expect((await call('GET', '/__sandbox/requests')).json).toEqual([]);
  });
});

describe('request log size', () => {
  const entry = (n: number): RequestLogEntry => ({
    method: 'GET',
    path: `/cloud/v1/projects/${n}`,
    query: '',
    body: null,
    authorization: 'valid',
    faultId: null,
    at: '2025-06-01T00:00:00.000Z',
  });

  it(`keeps only the latest ${REQUEST_LOG_LIMIT} entries, oldest first`, () => {
    const log = new RequestLog();
    for (let n = 1; n <= REQUEST_LOG_LIMIT + 5; n += 1) log.record(entry(n));
    const paths = log.entries().map((e) => e.path);
    expect(paths).toHaveLength(REQUEST_LOG_LIMIT);
    expect(paths[0]).toBe('/cloud/v1/projects/6');
    expect(paths.at(-1)).toBe(`/cloud/v1/projects/${REQUEST_LOG_LIMIT + 5}`);
  });

  it('stays bounded when the sandbox serves more calls than it keeps', async () => {
    const sandbox = createSandbox();
    const call = sandboxCaller(sandbox);
    for (let n = 0; n < REQUEST_LOG_LIMIT + 10; n += 1)
      await call('GET', `${PROJECTS}?limit=${(n % 9) + 1}`);
    const log = sandbox.requestLog.entries();
    expect(log).toHaveLength(REQUEST_LOG_LIMIT);
    expect(log.at(-1)?.query).toBe(`limit=${((REQUEST_LOG_LIMIT + 9) % 9) + 1}`);
  });
});
