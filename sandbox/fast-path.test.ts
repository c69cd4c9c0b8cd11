// @vitest-environment node
import { Agent, request } from 'node:http';
import { createConnection } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAST_PATH_CASES, SANDBOX_CALLS_AFTER } from './fast-path-cases';
import { type RawResponse, rawRequest } from './raw-http';
import { SEED_KEY_IDS } from './seed-api-keys';
import { SEED_DEPLOYMENT_IDS } from './seed-deployments';
import { startSandboxServer, type SandboxServer } from './server';

// The same requests, in the same order, to a server with the fast path and one without: every
// answer and every log entry must match, byte for byte once ids, secrets and clocks are masked.
let fast: SandboxServer;
let reference: SandboxServer;
beforeAll(async () => {
  fast = await startSandboxServer({ token: 'parity-token', seedKeys: 3 });
  reference = await startSandboxServer({ token: 'parity-token', seedKeys: 3, fastPath: false });
});
afterAll(async () => {
  await fast.close();
  await reference.close();
});

const SEED_IDS = new Set<string>([
  ...Object.values(SEED_KEY_IDS),
  ...Object.values(SEED_DEPLOYMENT_IDS),
]);
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const TIMESTAMP = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g;

/** Ids, secrets and this moment's timestamps differ between two servers by design. */
function mask(text: string): string {
  const today = Date.now();
  return text
    .replace(/[0-9a-f]{32}/g, '<request id>')
    .replace(UUID, (id) => (SEED_IDS.has(id.toLowerCase()) ? id : '<uuid>'))
    .replace(/"secret":"[\w-]{43}"/g, '"secret":"<secret>"')
    .replace(TIMESTAMP, (t) => (Math.abs(Date.parse(t) - today) < 86_400_000 ? '<now>' : t));
}

const masked = (res: RawResponse) => ({
  statusLine: res.statusLine,
  headers: res.headers.map(([name, value]) => [name, mask(value)]),
  body: mask(res.body),
});

describe('the Node fast path', () => {
  it('answers and logs every case exactly as the full app does', { timeout: 20_000 }, async () => {
    for (const [name, request] of FAST_PATH_CASES) {
      const answer = masked(await rawRequest(fast.port, request));
      const expected = masked(await rawRequest(reference.port, request));
      expect({ name, ...answer }).toEqual({ name, ...expected });
    }
    for (const path of SANDBOX_CALLS_AFTER) {
      const [answer, expected] = await Promise.all(
        [fast, reference].map(async (s) => mask(await (await fetch(`${s.url}${path}`)).text())),
      );
      expect({ path, answer }).toEqual({ path, answer: expected });
    }
    const log = (s: SandboxServer) => mask(JSON.stringify(s.sandbox.requestLog.entries()));
    expect(log(fast)).toEqual(log(reference));
    expect(fast.sandbox.requestLog.entries().length).toBeGreaterThan(FAST_PATH_CASES.length / 2);
  });

  it('lets a fault armed while a create body is arriving answer that create', async () => {
    const body = JSON.stringify({ name: 'slow-body' });
    const socket = createConnection(fast.port, '127.0.0.1');
    const received: Buffer[] = [];
    socket.on('data', (chunk) => received.push(chunk));
    const closed = new Promise((resolve) => socket.on('close', resolve));
    socket.write(
      `POST /cloud/v2/inference/api_keys HTTP/1.1\r\nHost: 127.0.0.1\r\n` +
        `Authorization: APIKey parity-token\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.slice(0, 5)}`,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    fast.sandbox.faults.arm({ method: 'POST', path: '/cloud/', status: 503 });
    socket.write(body.slice(5));
    await closed;
    expect(Buffer.concat(received).toString()).toMatch(/^HTTP\/1\.1 503 /);
    const entry = fast.sandbox.requestLog.entries().at(-1);
    expect(entry).toMatchObject({ body: { name: 'slow-body' }, faultId: expect.any(Number) });
  });

  it('keeps the connection open after handing on a create whose body it read', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const send = (authorization: string) =>
      new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
        const req = request(`${fast.url}/cloud/v2/inference/api_keys`, {
          method: 'POST',
          agent,
          headers: { Authorization: authorization, 'Content-Type': 'application/json' },
        });
        req.on('response', (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket }));
        });
        req.on('error', reject);
        req.end(JSON.stringify({ name: `kept-${authorization.length}` }));
      });
    // A wrong token is the full app's to answer, after the fast path has read the body.
    expect(await send('APIKey wrong')).toEqual({ status: 401, reused: false });
    // The node adapter gives an unread body 500 ms before it drops the connection.
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(await send('APIKey parity-token')).toEqual({ status: 200, reused: true });
    agent.destroy();
  });
});
