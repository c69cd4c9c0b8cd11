import { getRequestListener } from '@hono/node-server';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CloudTarget } from './cloud-forward';
import {
  itForwardsLikeTheDashboard,
  OWN_CSP,
  startFakeUpstream,
  type FakeUpstream,
} from '../cloud-forward-cases';
import { createProductionApp } from './production-app';

const servers: Server[] = [];

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let upstream: FakeUpstream;
beforeAll(async () => (upstream = await startFakeUpstream()));

afterAll(() =>
  Promise.all([
    upstream.close(),
    ...servers
      .filter((server) => server.listening)
      .map((server) => new Promise((resolve) => server.close(resolve))),
  ]),
);

/** The production app behind a server that sets its own policy first, as main.ts does. */
function frontFor(target: CloudTarget): Promise<string> {
  const handle = getRequestListener(createProductionApp({ assets: new Map(), target }).fetch);
  return listen(
    createServer((req, res) => {
      res.setHeader('content-security-policy', OWN_CSP);
      void handle(req, res);
    }),
  );
}

describe('the production /cloud forward', () => {
  itForwardsLikeTheDashboard(() => upstream, frontFor);

  it('answers 502 no-store in Gcore’s error shape when the API is unreachable', async () => {
    // A port that was just free: fetch refuses port 1 outright, without trying to connect.
    const closed = createServer();
    const url = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    const front = await frontFor({ url, token: 'server-token' });
    const response = await fetch(`${front}/cloud/v1/projects`);
    expect(response.status).toBe(502);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({
      exception_class: 'UpstreamUnreachable',
      message: expect.stringMatching(/could not reach the API \(ECONNREFUSED\)/),
      request_id: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
  });
});
