import { createServer, request as httpRequest, type Server } from 'node:http';

/**
 * oauth2-proxy as docs/production.md sets it up, played by a few lines of node:http: whatever
 * identity or secret the client sent is dropped, and the signed-in user's email goes on with the
 * secret the dashboard's server knows the proxy by.
 */
export function startSsoProxy(
  target: () => number,
  { user, secret }: { user: string; secret: string },
): Promise<Server> {
  const proxy = createServer((req, res) => {
    const headers = { ...req.headers };
    for (const name of ['x-forwarded-email', 'x-forwarded-user', 'x-audit-proxy-secret']) {
      Reflect.deleteProperty(headers, name);
    }
    const upstream = httpRequest(
      {
        host: '127.0.0.1',
        port: target(),
        method: req.method,
        path: req.url,
        headers: { ...headers, 'x-forwarded-email': user, 'x-audit-proxy-secret': secret },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  return new Promise((done) => proxy.listen(0, '127.0.0.1', () => done(proxy)));
}
