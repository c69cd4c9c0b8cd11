import { request as httpRequest, Agent } from 'node:http';
import { connect } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from '../testing/fake-upstream';
import {
  REQUESTED_BY,
  REQUESTED_BY_HEADER,
  REQUESTED_BY_VALUE,
} from '../../src/lib/request-header';
import { sendRawRequest } from '../testing/send-raw-request';
import { spawnProductionServer, type ProductionProcess } from '../testing/spawn-production-server';

let upstream: FakeUpstream;
let server: ProductionProcess | undefined;
beforeAll(async () => (upstream = await startFakeUpstream()));
afterAll(() => upstream.close());
afterEach(async () => {
  await server?.stop();
  server = undefined;
  upstream.mood = 'fine';
  upstream.delayMs = 0;
});

/** A read as the dashboard's page makes it. */
const PROJECTS = { method: 'GET', target: '/cloud/v1/projects', headers: { ...REQUESTED_BY } };

const start = async (env: Record<string, string> = {}, dotEnv?: string) =>
  (server = await spawnProductionServer(
    { GCORE_API_URL: upstream.url, GCORE_API_KEY: 'server-token', ...env },
    dotEnv,
  ));

/** Streams `total` bytes as a chunked body until done or the server closes; returns its answer. */
function chunkedFlood(port: number, target: string, total: number) {
  return new Promise<{ sent: number; answer: string }>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const piece = Buffer.alloc(1024 * 1024, 'x');
    let sent = 0;
    let answer = '';
    socket.on('data', (data: Buffer) => (answer += data.toString('latin1')));
    socket.on('error', () => {});
    socket.on('close', () => resolve({ sent, answer }));
    socket.write(
      `POST ${target} HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\ncontent-type: application/json\r\n` +
        `${REQUESTED_BY_HEADER}: ${REQUESTED_BY_VALUE}\r\ntransfer-encoding: chunked\r\n\r\n`,
    );
    const pump = () => {
      while (sent < total && !socket.destroyed) {
        sent += piece.length;
        if (!socket.write(`${piece.length.toString(16)}\r\n${piece.toString()}\r\n`)) {
          return void socket.once('drain', pump);
        }
      }
      if (!socket.destroyed) socket.end('0\r\n\r\n');
    };
    pump();
  });
}

describe('the production process', () => {
  it.each(['/cloud/v2/inference/api_keys', '/./cloud/v1/echo'])(
    'refuses a 300 MB chunked POST to %s without buffering it (RSS growth < 50 MB)',
    async (target) => {
      const { port, rss } = await start();
      const before = await rss();
      const total = 300 * 1024 * 1024;
      const { sent, answer } = await chunkedFlood(port, target, total);
      const after = await rss();
      // The server answers and closes at once; a client still sending may see the close as a
      // reset before it reads the answer (the attack table checks the status on small bodies).
      expect(sent).toBeLessThan(total);
      if (answer) expect(answer).toMatch(/^HTTP\/1\.1 (413|400) /);
      expect(after.peak - before.peak).toBeLessThan(50 * 1024 * 1024);
      expect(upstream.seen.filter((call) => call.method === 'POST')).toEqual([]);
    },
    60_000,
  );

  it('reads .env, and the environment wins over it', async () => {
    const { port } = await start(
      { GCORE_API_KEY: '' },
      `GCORE_API_KEY=from-dotenv\nAUDIT_USER_HEADER=X-Forwarded-Email\nAUDIT_TRUSTED_PROXIES=127.0.0.1\nGCORE_API_URL=http://127.0.0.1:1\n`,
    );
    await sendRawRequest(port, PROJECTS);
    // GCORE_API_URL came from the environment (the fake), GCORE_API_KEY= from it too: blank.
    expect(upstream.seen.at(-1)?.headers.authorization).toBeUndefined();
    await server?.stop();
    const second = await start({}, 'GCORE_API_KEY=from-dotenv\n');
    await sendRawRequest(second.port, PROJECTS);
    expect(upstream.seen.at(-1)?.headers.authorization).toBe('APIKey server-token');
  }, 30_000);

  it('writes only JSON lines, errors included, with its own request id beside upstream’s', async () => {
    const { port, stdout, stderr } = await start({ UPSTREAM_HEADERS_TIMEOUT_MS: '300' });
    upstream.mood = 'dies-mid-body';
    const cut = await sendRawRequest(port, PROJECTS);
    expect(cut.complete).toBe(false);
    upstream.mood = 'hostile-headers';
    const ok = await sendRawRequest(port, PROJECTS);
    expect(ok.headers['x-upstream-request-id']).toBe('upstream-id-5a1e');
    await expect.poll(() => stdout.some((line) => line.includes('mid-body'))).toBe(true);
    const entries = () =>
      [...stdout, ...stderr]
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>);
    // The request's line leaves with the others of its turn, just after its answer did.
    await expect
      .poll(() => entries().find((entry) => entry.request_id === ok.headers['x-request-id']))
      .toMatchObject({ status: 200, upstream_request_id: 'upstream-id-5a1e' });
  }, 30_000);

  it('warns at start, in one JSON line, when a PUBLIC_ORIGIN is plain HTTP on a real host', async () => {
    const { stdout, stderr } = await start({
      PUBLIC_ORIGIN: 'https://keys.example.com, http://keys.internal:8080',
    });
    const entries = [...stdout, ...stderr]
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries.filter((entry) => entry.level === 'warn')).toEqual([
      expect.objectContaining({
        msg: expect.stringMatching(/Sec-Fetch-\*.*HTTPS/) as unknown,
        origins: ['http://keys.internal:8080'],
      }),
    ]);
  }, 30_000);

  it('fails at start-up with one JSON line on stderr', async () => {
    const failed = spawnProductionServer({ GCORE_AUTH: 'maybe' });
    const error = await failed.then(
      () => new Error('it started'),
      (reason: unknown) => reason as Error,
    );
    const line = error.message.slice(error.message.indexOf('{')).split('\n')[0] ?? '';
    expect(JSON.parse(line)).toMatchObject({ level: 'error', msg: 'start-up failed' });
    expect(error.message).not.toMatch(/\n\s+at /);
  }, 30_000);

  it('drains on SIGTERM under keep-alive load: 0 resets, Connection: close, exit 0', async () => {
    const { port, child, exited } = await start();
    upstream.delayMs = 20;
    const agent = new Agent({ keepAlive: true, maxSockets: 10 });
    let answered = 0;
    let closing = 0;
    const failures: string[] = [];
    const once = () =>
      new Promise<boolean>((resolve) => {
        const req = httpRequest(
          { port, host: '127.0.0.1', path: '/cloud/v1/projects', agent, headers: REQUESTED_BY },
          (res) => {
            res.resume();
            res.on('end', () => {
              answered += 1;
              const close = res.headers.connection === 'close';
              if (close) closing += 1;
              resolve(!close);
            });
          },
        );
        req.on('error', (error: NodeJS.ErrnoException) => {
          // Refused: the listener is gone, a new connection was never accepted. Anything else
          // (a reset, a hang-up) lost a request that was sent.
          if (error.code !== 'ECONNREFUSED') failures.push(error.code ?? error.message);
          resolve(false);
        });
        req.end();
      });
    const worker = async () => {
      while (await once());
    };
    const workers = Array.from({ length: 10 }, worker);
    await expect.poll(() => answered, { timeout: 10_000 }).toBeGreaterThan(200);
    child.kill('SIGTERM');
    await Promise.all(workers);
    expect(await exited).toBe(0);
    agent.destroy();
    expect(failures).toEqual([]);
    expect(closing).toBe(10);
  }, 30_000);
});
