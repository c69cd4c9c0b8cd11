// @vitest-environment node
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeNow, listenOnLoopback } from '../testing/loopback-server.ts';
import { sendFromDashboard } from '../testing/send-raw-request.ts';
import { cloudGateway } from './cloud-gateway.ts';
import { originPolicy } from './request-origin.ts';
import { DASHBOARD_V3_ROUTES } from './route-table.ts';

const DEPLOYMENT = '/cloud/v3/inference/7/deployments/llama-3-8b-chat';
const TASK = '0b7f6a2e-3c1d-4e5f-8a9b-0c1d2e3f4a5b';

/** Gcore's stand-in: one deployment whose keys are `keys`, and a PATCH that starts a task. */
let keys: string[] | null = ['mobile-app-prod', 'ci-pipeline'];
let upstream: Server;
let front: Server;
const lines: string[] = [];

beforeAll(async () => {
  upstream = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const answer = req.method === 'GET' ? { name: 'llama-3-8b-chat', api_keys: keys } : {};
      res.end(JSON.stringify(req.method === 'PATCH' ? { tasks: [TASK] } : answer));
    });
  });
  const upstreamPort = await listenOnLoopback(upstream);
  front = createServer();
  const port = await listenOnLoopback(front);
  const gateway = cloudGateway({
    target: { url: `http://127.0.0.1:${upstreamPort}`, token: 'server-token' },
    deadlines: { headersMs: 5_000, bodyMs: 5_000 },
    policy: originPolicy(port, []),
    routes: DASHBOARD_V3_ROUTES,
    writeLine: (line) => lines.push(line),
  });
  front.on('request', (req, res) => gateway(req, res, () => res.writeHead(404).end()));
});
afterAll(async () => {
  for (const server of [front, upstream]) await closeNow(server);
});

const call = (method: string, body?: string, target = DEPLOYMENT) =>
  sendFromDashboard((front.address() as AddressInfo).port, { method, target, body });
const lastBind = () =>
  lines
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((entry) => entry.type === 'audit' && entry.action === 'bind')
    .at(-1);

describe('the audit line of a bind (a deployment PATCH)', () => {
  it('names the key the PATCH adds, against the list read right before it', async () => {
    keys = ['mobile-app-prod'];
    expect((await call('GET')).status).toBe(200);
    const sent = '{"api_keys":["mobile-app-prod","ci-pipeline"]}';
    expect((await call('PATCH', sent)).status).toBe(200);
    expect(lastBind()).toMatchObject({
      project: '7',
      deployment: 'llama-3-8b-chat',
      key_name: 'ci-pipeline',
      keys_before: ['mobile-app-prod'],
      keys_after: ['mobile-app-prod', 'ci-pipeline'],
      keys_added: ['ci-pipeline'],
      keys_removed: [],
      auth: 'on',
      status: 200,
    });
  });

  it('names the key the PATCH removes', async () => {
    keys = ['mobile-app-prod', 'ci-pipeline'];
    await call('GET');
    await call('PATCH', '{"api_keys":["ci-pipeline"]}');
    expect(lastBind()).toMatchObject({
      key_name: 'mobile-app-prod',
      keys_added: [],
      keys_removed: ['mobile-app-prod'],
    });
  });

  it('a deployment read with no keys (`api_keys: null`): the next PATCH adds to none', async () => {
    keys = ['mobile-app-prod'];
    await call('GET');
    keys = null;
    await call('GET');
    await call('PATCH', '{"api_keys":["ci-pipeline"]}');
    expect(lastBind()).toMatchObject({
      key_name: 'ci-pipeline',
      keys_added: ['ci-pipeline'],
      keys_removed: [],
    });
  });

  it('without a read before it, records the list sent and names no key it cannot know', async () => {
    const never = '/cloud/v3/inference/8/deployments/whisper-large-v3';
    await call('PATCH', '{"api_keys":["old-demo"]}', never);
    expect(lastBind()).toMatchObject({
      project: '8',
      deployment: 'whisper-large-v3',
      key_name: null,
      keys_before: null,
      keys_after: ['old-demo'],
      keys_added: null,
      keys_removed: null,
      auth: 'on',
    });
  });

  it('says authentication went off when the PATCH empties the list (the deployment is public)', async () => {
    keys = ['mobile-app-prod', 'ci-pipeline'];
    await call('GET');
    expect((await call('PATCH', '{"api_keys":[]}')).status).toBe(200);
    expect(lastBind()).toMatchObject({
      key_name: null,
      keys_before: ['mobile-app-prod', 'ci-pipeline'],
      keys_after: [],
      keys_added: [],
      keys_removed: ['mobile-app-prod', 'ci-pipeline'],
      auth: 'off',
      status: 200,
    });
  });

  it('says authentication goes off without a read before it, under the new field names', async () => {
    await call('PATCH', '{"api_keys":[]}', '/cloud/v3/inference/9/deployments/never-read');
    expect(lastBind()).toMatchObject({ keys_before: null, keys_after: [], auth: 'off' });
    expect(lastBind()).not.toHaveProperty('api_keys');
  });
});
