import { getRequestListener } from '@hono/node-server';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { cloudRequestGuard } from '../cloud-request-guard.ts';
import { readPort } from '../read-port.ts';
import { securityHeaders } from '../security-headers.ts';
import { injectMeta } from './html-meta.ts';
import { createProductionApp } from './production-app.ts';
import { readProductionConfig } from './production-config.ts';
import { logRequests } from './request-logger.ts';
import { loadStaticAssets } from './static-assets.ts';

/** `npm start`: the built dashboard for a team, behind a TLS reverse proxy. */
async function main(): Promise<void> {
  const config = readProductionConfig(process.env, process.argv.slice(2));
  let apiUrl = config.apiUrl;
  let apiToken = config.apiToken;
  let closeSandbox = async () => {};
  if (config.sandbox) {
    const { startSandboxServer } = await import('../../sandbox/server.ts');
    const sandbox = await startSandboxServer({
      port: readPort('SANDBOX_PORT', process.env.SANDBOX_PORT, 0),
      token: process.env.SANDBOX_TOKEN || undefined,
    });
    apiUrl = sandbox.url;
    if (config.auth === 'server') apiToken = sandbox.token;
    closeSandbox = sandbox.close;
  }

  const assets = await loadStaticAssets(resolve(config.distDir), (html) =>
    injectMeta(html, {
      'gcore-api-target': config.sandbox ? 'sandbox' : apiUrl,
      'gcore-auth': config.auth,
      'gcore-api-timeout-ms': config.timeoutMs?.toString(),
    }),
  );
  const app = createProductionApp({
    assets,
    target: { url: apiUrl, token: config.auth === 'server' ? apiToken : undefined },
  });
  const handle = getRequestListener(app.fetch);
  const guard = cloudRequestGuard();
  const headers = securityHeaders({ mode: 'production' });
  const log = logRequests();

  const server = createServer((req, res) => {
    log(req, res);
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    guard(req, res, () => void handle(req, res));
  });
  await new Promise<void>((done) => server.listen(config.port, config.host, done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  console.log(
    JSON.stringify({
      msg: 'listening',
      url: `http://${config.host}:${port}`,
      api: config.sandbox ? 'sandbox' : apiUrl,
      auth: config.auth,
    }),
  );

  const shutdown = (signal: string) => {
    console.log(JSON.stringify({ msg: 'shutting down', signal }));
    // Finish what is in flight, accept nothing new; give up on stragglers after 10 s.
    server.close(() => void closeSandbox().then(() => process.exit(0)));
    server.closeIdleConnections();
    setTimeout(() => {
      server.closeAllConnections();
      process.exit(1);
    }, 10_000).unref();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
