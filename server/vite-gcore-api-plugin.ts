import type { Plugin } from 'vite';
import { describeApiTarget, resolveApiTarget, type ApiTarget } from './api-target.ts';
import { cloudProxyOptions } from './cloud-proxy.ts';
import { CLOUD_PREFIX, cloudRequestGuard } from './cloud-request-guard.ts';
import { readTimeoutMs } from './read-timeout-ms.ts';

/**
 * Dev and preview: forwards `/cloud/…` to Gcore or to the sandbox it starts by itself, and tells
 * the page (through a meta tag, no inline script) which backend it is talking to. A guard in
 * front of the proxy refuses what it must not forward (see cloud-request-guard.ts).
 */
export function gcoreApiPlugin(): Plugin {
  let target: ApiTarget | undefined;
  let timeoutMs: number | undefined;
  const closeTarget = () => {
    void target?.close();
    target = undefined;
  };
  return {
    name: 'gcore-api',
    async config(_config, { command, isPreview }) {
      // Vitest reads this config too, and a build has no server: neither needs a backend.
      if (process.env.VITEST || (command === 'build' && !isPreview)) return;
      // Read once, here: a typo stops the server at start-up, as in production.
      timeoutMs = readTimeoutMs(process.env.GCORE_API_TIMEOUT_MS);
      target = await resolveApiTarget(process.env);
      const proxy = { [CLOUD_PREFIX]: cloudProxyOptions(target) };
      return { server: { proxy }, preview: { proxy } };
    },
    transformIndexHtml() {
      if (!target) return [];
      const meta = (name: string, content: string) => ({
        tag: 'meta',
        attrs: { name, content },
        injectTo: 'head' as const,
      });
      return [
        meta('gcore-api-target', describeApiTarget(target)),
        ...(timeoutMs === undefined ? [] : [meta('gcore-api-timeout-ms', String(timeoutMs))]),
      ];
    },
    // Middlewares added here run before Vite's own proxy middleware.
    configureServer(server) {
      server.middlewares.use(cloudRequestGuard());
      server.httpServer?.once('close', closeTarget);
    },
    configurePreviewServer(server) {
      server.middlewares.use(cloudRequestGuard());
      server.httpServer.once('close', closeTarget);
    },
  };
}
