import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../testing/free-port.ts';
import { listenOnLoopback } from '../testing/loopback-server.ts';
import { forwardUpstream } from './forward-upstream.ts';
import { upstreamOrigin } from './upstream-target.ts';

const DEADLINES = { headersMs: 2_000, bodyMs: 4_000 };
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((done) => s.close(done))));
});

function listen(server: Server): Promise<number> {
  servers.push(server);
  return listenOnLoopback(server);
}

/** The gateway's answer to a POST it forwards to `upstreamPort`. */
async function forwardPost(upstreamPort: number) {
  const front = await listen(
    createServer((_req, res) => {
      const origin = upstreamOrigin(`http://127.0.0.1:${upstreamPort}`);
      const path = '/cloud/v2/inference/api_keys';
      const body = Buffer.from('{"name":"k"}');
      const headers = { 'content-type': 'application/json', 'content-length': body.length };
      void forwardUpstream(res, { origin, path, method: 'POST', headers, body }, DEADLINES);
    }),
  );
  const response = await fetch(`http://127.0.0.1:${front}/`, { method: 'POST' });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('forwardUpstream when no answer comes back', () => {
  it('a refused connection: 502 UpstreamUnreachable, saying nothing was sent', async () => {
    const answer = await forwardPost(await freePort());
    expect(answer.status).toBe(502);
    expect(answer.body).toMatchObject({ exception_class: 'UpstreamUnreachable' });
    expect(answer.body.message).toMatch(/ECONNREFUSED/);
    expect(answer.body.message).toMatch(/nothing was sent/i);
  });

  it('a connection dropped after the request was sent: 502 UpstreamConnectionLost', async () => {
    const upstream = await listen(createServer((req) => req.socket.destroy()));
    const answer = await forwardPost(upstream);
    expect(answer.status).toBe(502);
    expect(answer.body).toMatchObject({ exception_class: 'UpstreamConnectionLost' });
    expect(answer.body.message).toMatch(/may or may not/);
  });
});
