// @vitest-environment node
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeNow, listenOnLoopback } from '../testing/loopback-server.ts';
import { sendRawRequest } from '../testing/send-raw-request.ts';
import { cloudGateway } from './cloud-gateway.ts';
import { createJobIdentity, JOB_SECRET_HEADER, JOB_USER_HEADER } from './job-identity.ts';
import { originPolicy } from './request-origin.ts';
import { DASHBOARD_V3_ROUTES } from './route-table.ts';

const KEY = '/cloud/v3/inference/7/api_keys/prod-chat';
const identity = createJobIdentity();
const lines: string[] = [];
const heard: IncomingHttpHeaders[] = [];
let upstream: Server;
let front: Server;

beforeAll(async () => {
  upstream = createServer((req, res) => {
    heard.push(req.headers);
    req.resume();
    req.on('end', () => res.writeHead(204).end());
  });
  const upstreamPort = await listenOnLoopback(upstream);
  front = createServer();
  const port = await listenOnLoopback(front);
  const gateway = cloudGateway({
    target: { url: `http://127.0.0.1:${upstreamPort}`, token: 'server-token' },
    deadlines: { headersMs: 5_000, bodyMs: 5_000 },
    policy: originPolicy(port, []),
    routes: DASHBOARD_V3_ROUTES,
    // The SSO proxy is this test, on loopback: its header names the user of any other call.
    auditIdentity: {
      userHeader: 'x-sso-user',
      proxySecretDigest: undefined,
      trustedProxies: ['127.0.0.1'],
    },
    jobIdentity: identity,
    writeLine: (line) => lines.push(line),
  });
  front.on('request', (req, res) => gateway(req, res, () => res.writeHead(404).end()));
});
afterAll(async () => {
  for (const server of [front, upstream]) await closeNow(server);
});
beforeEach(() => {
  lines.length = 0;
  heard.length = 0;
});

const deleteKey = (headers: Record<string, string>) =>
  sendRawRequest((front.address() as AddressInfo).port, {
    method: 'DELETE',
    target: KEY,
    headers: { 'x-requested-by': 'gcore-keys-dashboard', ...headers },
  });
const auditUser = () => {
  const audits = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(audits).toHaveLength(1);
  return audits[0]?.user;
};
const claim = (secret: string, user: string) => ({
  [JOB_SECRET_HEADER]: secret,
  [JOB_USER_HEADER]: encodeURIComponent(user),
});

describe('the audit identity of a job’s own call', () => {
  it('names the job’s starter when the process secret matches, ahead of the SSO header', async () => {
    const headers = { ...identity.headersFor('Zoë Martin <zoe@example.com>'), 'x-sso-user': 'sso' };
    expect((await deleteKey(headers)).status).toBe(204);
    expect(auditUser()).toBe('Zoë Martin <zoe@example.com>');
  });

  it('never forwards the job headers to the API', async () => {
    await deleteKey(identity.headersFor('alice'));
    expect(heard).toHaveLength(1);
    expect(Object.keys(heard[0] ?? {})).not.toContain(JOB_SECRET_HEADER);
    expect(Object.keys(heard[0] ?? {})).not.toContain(JOB_USER_HEADER);
  });

  it('an attacker with a wrong secret of the right length: the claimed name is never logged', async () => {
    const wrong = 'f'.repeat(64);
    await deleteKey({ ...claim(wrong, 'ceo@example.com'), 'x-sso-user': 'mallory' });
    expect(auditUser()).toBe('mallory');
    expect(lines.join('\n')).not.toContain('ceo@example.com');
    expect(lines.join('\n')).not.toContain(wrong);
  });

  it('an attacker with no secret, or a short one: the proxy’s user is named, not the claim', async () => {
    for (const headers of [claim('', 'ceo'), { [JOB_USER_HEADER]: 'ceo' }, claim('abc', 'ceo')]) {
      lines.length = 0;
      await deleteKey({ ...headers, 'x-sso-user': 'mallory' });
      expect(auditUser()).toBe('mallory');
    }
  });

  it('a secret of another process does not count: without the proxy’s user, the write is refused', async () => {
    const answer = await deleteKey(createJobIdentity().headersFor('ceo@example.com'));
    expect(answer.status).toBe(401);
    expect(auditUser()).toBe('untrusted');
    expect(heard).toHaveLength(0);
  });
});

describe('jobUser', () => {
  it('takes the claimed user only beside the secret', () => {
    const headers = identity.headersFor('bob');
    expect(identity.jobUser(headers)).toBe('bob');
    expect(identity.jobUser({ ...headers, [JOB_SECRET_HEADER]: undefined })).toBeUndefined();
    expect(identity.jobUser({ ...headers, [JOB_USER_HEADER]: '%E0%A4%A' })).toBeUndefined();
  });
});
