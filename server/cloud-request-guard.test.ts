import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloudRequestGuard, MAX_CLOUD_BODY_BYTES, pathProblem } from './cloud-request-guard';
import { sendRawRequest, type RawRequest, type RawResponse } from './send-raw-request';

// A real server on loopback: the guard, then a stand-in for the proxy that says what reached it.
let server: Server;
const reached: string[] = [];
const guard = cloudRequestGuard();

beforeAll(async () => {
  server = createServer((req, res) => {
    guard(req, res, () => {
      let size = 0;
      req.on('data', (chunk: Buffer) => (size += chunk.length));
      req.on('end', () => {
        reached.push(`${req.method} ${req.url}`);
        res.end(`passed ${size}`);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function send(request: RawRequest): Promise<RawResponse> {
  return sendRawRequest((server.address() as AddressInfo).port, request);
}

async function expectRefused(request: RawRequest, status: number, exceptionClass: string) {
  const before = reached.length;
  const response = await send(request);
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toBe('application/json');
  expect(response.headers['cache-control']).toBe('no-store');
  expect(JSON.parse(response.body)).toEqual({
    exception_class: exceptionClass,
    message: expect.any(String),
    request_id: expect.stringMatching(/^[0-9a-f]{32}$/),
  });
  expect(reached.length, 'the request must not reach the proxy').toBe(before);
  return response;
}

describe('cloudRequestGuard', () => {
  it.each([
    ['GET', '/cloud/v1/projects'],
    ['GET', '/cloud/v2/inference/api_keys?project_id=1&limit=10&order_by=name.asc'],
    ['GET', '/cloud/v2/inference/api_keys/2f6c1b9e-2d1a.v1'],
    ['HEAD', '/cloud/v1/projects'],
    ['OPTIONS', '/cloud/v1/projects'],
    ['DELETE', '/cloud/v2/inference/api_keys/abc'],
    // Not the API: dev-server paths are Vite's business, whatever their method.
    ['PUT', '/src/main.tsx'],
    ['GET', '/node_modules/.vite/deps/react.js?v=1'],
    // A trailing slash is only an empty last segment, nothing an upstream could resolve away.
    ['GET', '/cloud/v1/projects/'],
  ])('lets %s %s through', async (method, target) => {
    expect((await send({ method, target })).status).toBe(200);
    expect(reached.at(-1)).toBe(`${method} ${target}`);
  });

  it('lets a body of exactly 64 KiB through, with its Content-Length', async () => {
    const body = 'x'.repeat(MAX_CLOUD_BODY_BYTES);
    const response = await send({ method: 'POST', target: '/cloud/v2/inference/api_keys', body });
    expect(response.body).toBe(`passed ${MAX_CLOUD_BODY_BYTES}`);
    expect((await send({ method: 'PATCH', target: '/cloud/v2/x', body: '{}' })).status).toBe(200);
  });

  it.each([
    '/cloud/v1/../../__sandbox/requests',
    '/cloud/%2e%2e/__sandbox/requests',
    '/cloud/.%2E/x',
    '/cloud/%252e%252e/x',
    '/cloud/./v1/projects',
    '/cloud/..;/x',
    '/cloud/v1%2fprojects',
    '/cloud/v1%252Fprojects',
    '/cloud/v1\\..\\projects',
    '/cloud/v1%5cprojects',
    '/cloud//v1/projects',
    '/cloud/%zz',
  ])('refuses the path %s with 400', async (target) => {
    await expectRefused({ method: 'GET', target }, 400, 'InvalidRequestTarget');
  });

  it.each(['http://evil.example/cloud/v1/projects', 'http://evil.example/', 'https://127.0.0.1/'])(
    'refuses the absolute-form target %s with 400, on any path',
    async (target) => {
      await expectRefused({ method: 'GET', target }, 400, 'InvalidRequestTarget');
    },
  );

  it.each(['PUT', 'TRACE', 'PROPFIND'])(
    'refuses %s on /cloud with 405 and says what is allowed',
    async (method) => {
      const response = await expectRefused(
        { method, target: '/cloud/v1/projects' },
        405,
        'MethodNotAllowed',
      );
      expect(response.headers.allow).toBe('GET, POST, PATCH, DELETE, HEAD, OPTIONS');
    },
  );

  it('refuses a body over 64 KiB by its Content-Length with 413, before reading it', async () => {
    const headers = { 'content-length': String(MAX_CLOUD_BODY_BYTES + 1) };
    const request = { method: 'POST', target: '/cloud/v2/inference/api_keys', headers };
    await expectRefused(request, 413, 'PayloadTooLarge');
  });

  it('refuses a chunked body, whose size the streaming proxy cannot know, with 411', async () => {
    const headers = { 'transfer-encoding': 'chunked' };
    const request = {
      method: 'POST',
      target: '/cloud/v2/inference/api_keys',
      headers,
      body: '2\r\n{}\r\n0\r\n\r\n',
    };
    await expectRefused(request, 411, 'LengthRequired');
  });
});

describe('pathProblem', () => {
  it('names what it found, and finds nothing in ordinary API paths', () => {
    expect(pathProblem('/cloud/v2/inference/api_keys/abc-123')).toBeUndefined();
    expect(pathProblem('/cloud/v2/a.b/c..d')).toBeUndefined();
    expect(pathProblem('/cloud/../x')).toBe('a dot segment');
    expect(pathProblem('/cloud/a%2Fb')).toBe('an encoded slash');
    expect(pathProblem('/cloud/a\\b')).toBe('a backslash');
    expect(pathProblem('/cloud//a')).toBe('an empty segment');
  });
});
