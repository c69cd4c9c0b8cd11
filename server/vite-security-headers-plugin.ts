import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { inlineScriptHashes } from './inline-script-hashes.ts';
import { securityHeaders } from './security-headers.ts';
import type { NodeMiddleware } from './gateway/node-middleware.ts';

/**
 * Security headers on every response of the dev server and of `vite preview`. Runs first
 * (`order: 'pre'`), so the proxy's answers and the guard's refusals carry them too.
 */
export function securityHeadersPlugin(): Plugin {
  return {
    name: 'security-headers',
    configureServer: {
      order: 'pre',
      handler(server) {
        server.middlewares.use(devHeadersMiddleware(server));
      },
    },
    configurePreviewServer: {
      order: 'pre',
      handler(server) {
        // The build's index.html has no inline script (server/build-scan.test.ts checks it).
        const headers = securityHeaders({ mode: 'production' });
        server.middlewares.use((_req, res, next) => {
          for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
          next();
        });
      },
    },
  };
}

/**
 * The dev page holds plugin-made inline scripts (React Refresh's preamble). Rather than
 * 'unsafe-inline', allow exactly those: hash what Vite actually serves, again after index.html
 * changes. Computed on first use, when every plugin is ready to transform HTML.
 */
function devHeadersMiddleware(server: ViteDevServer): NodeMiddleware {
  const indexHtml = resolve(server.config.root, 'index.html');
  let hashes: Promise<string[]> | undefined;
  server.watcher.on('change', (file) => {
    if (resolve(file) === indexHtml) hashes = undefined;
  });
  const currentHashes = () =>
    (hashes ??= readFile(indexHtml, 'utf8')
      .then((html) => server.transformIndexHtml('/', html))
      .then(inlineScriptHashes)
      .catch((error: unknown) => {
        // Fail closed: without hashes the preamble is blocked and the page says so loudly.
        server.config.logger.error(`security headers: cannot hash index.html: ${String(error)}`);
        hashes = undefined;
        return [];
      }));
  return (_req, res, next) => {
    currentHashes().then((scriptHashes) => {
      const headers = securityHeaders({ mode: 'dev', scriptHashes });
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
      next();
    }, next);
  };
}
