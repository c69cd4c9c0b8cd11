import { describe, expect, it } from 'vitest';
import { injectMeta } from './html-meta';
import { logJson } from './log-json';
import { readProductionConfig } from './production-config';
import { logRequests, pathWithoutQueryValues } from './request-logger';
import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';

describe('pathWithoutQueryValues', () => {
  it.each([
    [
      '/cloud/v2/inference/api_keys?limit=10&project_id=2',
      '/cloud/v2/inference/api_keys?limit=&project_id=',
    ],
    ['/healthz', '/healthz'],
    ['/?token=secret', '/?token='],
  ])('%s → %s', (url, logged) => {
    expect(pathWithoutQueryValues(url)).toBe(logged);
  });
});

describe('logRequests', () => {
  it('writes one JSON line per request, without headers, bodies or query values', () => {
    const lines: string[] = [];
    const res = Object.assign(new EventEmitter(), {
      statusCode: 201,
      writableFinished: true,
      headers: new Map<string, string>(),
      hasHeader(name: string) {
        return this.headers.has(name);
      },
      setHeader(name: string, value: string) {
        this.headers.set(name, value);
      },
      getHeader(name: string) {
        return this.headers.get(name);
      },
    });
    const req = {
      method: 'POST',
      url: '/cloud/v2/inference/api_keys?x=secret',
      headers: { authorization: 'APIKey t0k3n' },
    };
    logRequests((line) => lines.push(line))(
      req as unknown as IncomingMessage,
      res as unknown as ServerResponse,
    );
    res.emit('finish');
    res.emit('close');
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    expect(entry).toMatchObject({
      method: 'POST',
      path: '/cloud/v2/inference/api_keys?x=',
      status: 201,
    });
    expect(entry.request_id).toMatch(/^[0-9a-f]{32}$/);
    expect(lines[0]).not.toContain('t0k3n');
    expect(lines[0]).not.toContain('secret');
  });
});

describe('logJson', () => {
  it('writes an error as one JSON line on stderr, its stack a string', () => {
    const written: [string, string][] = [];
    logJson('error', 'uncaught exception', { error: new Error('boom') }, (stream, line) =>
      written.push([stream, line]),
    );
    expect(written).toHaveLength(1);
    const [stream, line] = written[0] ?? ['', ''];
    expect(stream).toBe('stderr');
    expect(line).not.toContain('\n');
    expect(JSON.parse(line)).toMatchObject({
      level: 'error',
      msg: 'uncaught exception',
      error: { message: 'boom', stack: expect.stringContaining('at ') },
    });
  });
});

describe('injectMeta', () => {
  it('adds escaped meta tags before </head> and skips unset ones', () => {
    const html = injectMeta('<html><head><title>x</title></head></html>', {
      a: 'x"<y',
      b: undefined,
    });
    expect(html).toContain('<meta name="a" content="x&quot;&lt;y">');
    expect(html).not.toContain('name="b"');
    expect(html.indexOf('<meta')).toBeLessThan(html.indexOf('</head>'));
  });
});

describe('readProductionConfig', () => {
  it('defaults to the real API and personal sign-in when there is no server token', () => {
    expect(readProductionConfig({}, [])).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      apiUrl: 'https://api.gcore.com',
      auth: 'personal',
      sandbox: false,
    });
  });

  it('uses a shared token when GCORE_API_KEY is set', () => {
    expect(readProductionConfig({ GCORE_API_KEY: 'k' }, [])).toMatchObject({
      auth: 'server',
      apiToken: 'k',
    });
  });

  it('runs the sandbox with --sandbox', () => {
    expect(readProductionConfig({}, ['--sandbox'])).toMatchObject({
      sandbox: true,
      auth: 'server',
    });
  });

  it('reads the public origins, the deadlines and the audit header', () => {
    const config = readProductionConfig(
      {
        PUBLIC_ORIGIN: 'https://keys.example.com, https://keys.internal:8443',
        UPSTREAM_HEADERS_TIMEOUT_MS: '5000',
        AUDIT_USER_HEADER: 'X-Forwarded-Email',
        AUDIT_TRUSTED_PROXIES: '127.0.0.1',
      },
      [],
    );
    expect(config).toMatchObject({
      publicOrigins: ['https://keys.example.com', 'https://keys.internal:8443'],
      deadlines: { headersMs: 5000, bodyMs: 60_000 },
      auditIdentity: { userHeader: 'x-forwarded-email', trustedProxies: ['127.0.0.1'] },
      drainMs: 10_000,
    });
  });

  it.each([
    [{ PUBLIC_ORIGIN: 'keys.example.com' }, /PUBLIC_ORIGIN/],
    [{ PUBLIC_ORIGIN: 'https://keys.example.com/app' }, /PUBLIC_ORIGIN/],
    [{ UPSTREAM_BODY_TIMEOUT_MS: '1000' }, /UPSTREAM_BODY_TIMEOUT_MS/],
    [{ AUDIT_USER_HEADER: 'X-Email: x' }, /AUDIT_USER_HEADER/],
    [{ AUDIT_USER_HEADER: 'X-Forwarded-Email' }, /AUDIT_PROXY_SECRET or AUDIT_TRUSTED_PROXIES/],
    [{ SHUTDOWN_DRAIN_MS: 'soon' }, /SHUTDOWN_DRAIN_MS/],
    [{ PORT: 'eighty' }, /PORT/],
    [{ GCORE_AUTH: 'maybe' }, /GCORE_AUTH/],
    [{ GCORE_AUTH: 'server' }, /GCORE_API_KEY/],
    [{ GCORE_API_URL: 'not a url' }, /Invalid URL/],
    [{ GCORE_API_URL: 'https://u:p4ss@api.gcore.com' }, /GCORE_API_URL must not hold credentials/],
    [{ GCORE_API_URL: 'https://token@api.gcore.com' }, /GCORE_API_URL must not hold credentials/],
    [{ GCORE_API_TIMEOUT_MS: 'soon' }, /GCORE_API_TIMEOUT_MS/],
  ])('refuses %j at start-up', (env, message) => {
    expect(() => readProductionConfig(env, [])).toThrow(message);
  });

  it('never repeats the credentials it refuses in GCORE_API_URL', () => {
    const read = () => readProductionConfig({ GCORE_API_URL: 'https://u:p4ss@api.gcore.com' }, []);
    expect(read).toThrow(expect.objectContaining({ message: expect.not.stringContaining('p4ss') }));
  });
});
