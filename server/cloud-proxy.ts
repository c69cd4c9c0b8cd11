import type { ProxyOptions } from 'vite';
import type { ApiTarget } from './api-target.ts';

type ProxyServer = Parameters<NonNullable<ProxyOptions['configure']>>[0];

/** Errors that mean the request may have reached the API: the browser must see a dropped connection too. */
const MID_FLIGHT_ERRORS = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT']);

/**
 * The `/cloud` proxy. With a server-side token, it replaces whatever Authorization the browser
 * sent, so a token never has to exist in the browser.
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
      proxy.on('error', (error, _req, res) => {
        if (!('writeHead' in res) || res.headersSent) return;
        const code = (error as NodeJS.ErrnoException).code ?? '';
        if (MID_FLIGHT_ERRORS.has(code) || error.message === 'socket hang up') {
          // Mirror the drop: a made-up 502 would hide that the create may have succeeded.
          res.destroy();
          return;
        }
        res.writeHead(502, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            exception_class: 'ProxyError',
            message: `The dashboard's server could not reach the API (${code || error.message}).`,
            request_id: crypto.randomUUID().replaceAll('-', ''),
          }),
        );
      });
    },
  };
}
