// @vitest-environment node
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { projectListSchema } from '../src/features/projects/api/project-schemas';
import { sendRawRequest } from '../server/testing/send-raw-request';
import { startSandboxServer, type SandboxServer } from './server';

let server: SandboxServer;
beforeAll(async () => {
  server = await startSandboxServer({ token: 'server-token', seedKeys: 5 });
});
afterAll(() => server.close());

const auth = () => ({ Authorization: `APIKey ${server.token}` });

/** A raw node:http GET, to see exactly how the connection ends. */
function rawGet(url: string): Promise<{ status: number } | { error: NodeJS.ErrnoException }> {
  return new Promise((resolve) => {
    const req = httpRequest(url, { headers: auth() }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error }));
    req.end();
  });
}

describe('startSandboxServer', () => {
  it('listens on an ephemeral port of 127.0.0.1 and serves the API', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.port).toBeGreaterThan(0);
    expect(server.token).toBe('server-token');
    const res = await fetch(`${server.url}/cloud/v1/projects`, { headers: auth() });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
    expect(projectListSchema.parse(await res.json()).count).toBe(2);
  });

  it('applies the seedKeys option', async () => {
    const res = await fetch(`${server.url}/cloud/v2/inference/api_keys`, { headers: auth() });
    expect(((await res.json()) as { count: number }).count).toBe(8);
  });

  it('drops the connection for a drop fault, then serves normally again', async () => {
    server.sandbox.faults.arm({ path: '/cloud/v1/projects', drop: true, times: 2 });
    await expect(fetch(`${server.url}/cloud/v1/projects`, { headers: auth() })).rejects.toThrow(
      /fetch failed/,
    );
    const raw = await rawGet(`${server.url}/cloud/v1/projects`);
    expect('error' in raw && raw.error.code).toMatch(/ECONNRESET/);
    expect((await fetch(`${server.url}/cloud/v1/projects`, { headers: auth() })).status).toBe(200);
  });

  it('arms faults over HTTP without a token', async () => {
    const armed = await fetch(`${server.url}/__sandbox/faults`, {
      method: 'POST',
      body: JSON.stringify({ path: '/cloud/v1/projects', status: 503 }),
    });
    expect(armed.status).toBe(201);
    expect((await fetch(`${server.url}/cloud/v1/projects`, { headers: auth() })).status).toBe(503);
  });

  it('stops a delayed request when the client goes away', async () => {
    // Ten minutes: had the sandbox kept waiting, its answer would come long after the test's end.
    server.sandbox.faults.arm({
      method: 'POST',
      path: '/cloud/v2',
      delayMs: 600_000,
      passThrough: true,
    });
    const answers = vi.spyOn(server.sandbox, 'fetch');
    const controller = new AbortController();
    const pending = fetch(`${server.url}/cloud/v2/inference/api_keys`, {
      method: 'POST',
      headers: { ...auth(), 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'abandoned' }),
      signal: controller.signal,
    });
    // Aborted once the sandbox is holding it, not after some milliseconds that may not be enough.
    await vi.waitFor(() =>
      expect(server.sandbox.requestLog.entries()).toContainEqual(
        expect.objectContaining({ method: 'POST', body: { name: 'abandoned' } }),
      ),
    );
    controller.abort();
    await expect(pending).rejects.toThrow();
    // The sandbox's own answer: the dropped connection, once it stopped waiting.
    expect((await answers.mock.results[0]?.value) as Response).toHaveProperty('type', 'error');
    const list = await fetch(`${server.url}/cloud/v2/inference/api_keys?limit=1000`, {
      headers: auth(),
    });
    expect(await list.text()).not.toContain('abandoned');
  });

  it('closes, after which nothing answers', async () => {
    const other = await startSandboxServer({});
    expect(other.token).toBe('sandbox-token');
    // An idle keep-alive connection must not hold close() open.
    await fetch(`${other.url}/__sandbox/health`);
    await other.close();
    await expect(fetch(`${other.url}/__sandbox/health`)).rejects.toThrow();
  });

  it.each([
    ['127.0.0.1:4010', 200],
    ['localhost:5173', 200],
    ['LOCALHOST', 200],
    ['[::1]:80', 200],
    ['LOCALHOST:80', 400],
    ['a b', 400],
    ['0x7f.1', 400],
    ['x:', 400],
    ['a/b', 400],
    ['host:99999', 400],
  ])('answers a request with Host %j with %i', async (host, status) => {
    const res = await sendRawRequest(server.port, {
      method: 'GET',
      target: '/cloud/v1/projects',
      headers: { host, ...auth() },
    });
    expect(res.status).toBe(status);
  });

  it('fails to start on a port in use', async () => {
    await expect(startSandboxServer({ port: server.port })).rejects.toThrow(/EADDRINUSE/);
  });
});
