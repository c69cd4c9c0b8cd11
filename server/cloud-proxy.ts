import type { ProxyOptions } from 'vite';
import type { ApiTarget } from './api-target.ts';
import { isDashboardOwnedHeader, NO_STORE, upstreamFailureJson } from './cloud-answer.ts';

type ProxyServer = Parameters<NonNullable<ProxyOptions['configure']>>[0];

/** Errors after which the API may have acted on the request although no answer came back. */
const MID_FLIGHT_ERRORS = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED']);

/**
 * The `/cloud` proxy. With a server-side token, it replaces whatever Authorization the browser
 * sent, so a token never has to exist in the browser. Every answer is marked `no-store`.
 */
export function cloudProxyOptions(target: ApiTarget): ProxyOptions {
  return {
    target: target.url,
    changeOrigin: true,
    configure(proxy: ProxyServer) {
      proxy.on('proxyReq', (proxyReq) => {
        if (target.token === undefined) return;
        proxyReq.removeHeader('authorization');
        proxyReq.setHeader('authorization', `APIKey ${target.token}`);
      });
      // Runs before the proxy copies upstream's headers onto the response, so edits here win.
      proxy.on('proxyRes', (proxyRes) => {
        for (const name of Object.keys(proxyRes.headers)) {
          if (isDashboardOwnedHeader(name)) Reflect.deleteProperty(proxyRes.headers, name);
        }
        Object.assign(proxyRes.headers, NO_STORE);
      });
      proxy.on('error', (error, _req, res) => {
        if (!('writeHead' in res) || res.headersSent) return;
        // Always answer: a browser whose keep-alive connection closes without a response may
        // silently resend the request, and a resent create mints a second key.
        const code = (error as NodeJS.ErrnoException).code ?? '';
        const midFlight = MID_FLIGHT_ERRORS.has(code) || error.message === 'socket hang up';
        res
          .writeHead(502, { 'content-type': 'application/json', ...NO_STORE })
          .end(upstreamFailureJson(midFlight, code || error.message));
      });
    },
  };
}
