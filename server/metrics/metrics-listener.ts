import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendScrape, type Scrape } from './metrics-scrape.ts';

/**
 * METRICS_PORT: `/metrics` alone on a listener of its own, loopback by default (METRICS_HOST),
 * for a scraper inside the pod or host; the public origin knows nothing of it.
 */
export async function startMetricsListener(options: {
  port: number;
  host: string;
  scrape: Scrape;
}) {
  const server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== '/metrics' || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    sendScrape(res, options.scrape).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(`Metrics failed: ${String(error)}`);
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port, options.host, () => {
      server.off('error', fail);
      done();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
