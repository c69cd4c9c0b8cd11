import { Hono } from 'hono';
import { encodingFor, type StaticAsset } from './static-assets.ts';

/**
 * The built dashboard's files. `/cloud`, `/healthz` and the like never get here: the gateway and
 * the operations endpoints in front answer them (production-handler.ts). Stateless: any number of instances can run behind a load balancer.
 */
export function createProductionApp(assets: Map<string, StaticAsset>): Hono {
  const app = new Hono();
  app.on(['GET', 'HEAD'], '*', (c) => {
    const path = c.req.path;
    const asset = assets.get(path) ?? (isPageRoute(path) ? assets.get('/index.html') : undefined);
    if (!asset) return c.text('Not found', 404, { 'cache-control': 'no-store' });
    const cacheControl = asset.immutable ? 'public, max-age=31536000, immutable' : 'no-cache';
    if (c.req.header('if-none-match') === asset.etag) {
      return c.body(null, 304, { etag: asset.etag, 'cache-control': cacheControl });
    }
    const { encoding, body } = encodingFor(asset, c.req.header('accept-encoding'));
    const headers: Record<string, string> = {
      'content-type': asset.type,
      'cache-control': cacheControl,
      etag: asset.etag,
      vary: 'accept-encoding',
    };
    if (encoding) headers['content-encoding'] = encoding;
    if (c.req.method === 'HEAD') return c.body(null, 200, headers);
    return c.body(new Uint8Array(body), 200, headers);
  });
  app.all('*', (c) => c.text('Method not allowed', 405, { allow: 'GET, HEAD' }));
  return app;
}

/** Deep links (`/`, `/keys?project=2`) get the app; paths that look like files do not. */
function isPageRoute(path: string): boolean {
  return !/\.[a-z0-9]+$/i.test(path);
}
