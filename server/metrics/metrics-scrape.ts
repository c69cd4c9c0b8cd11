import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Registry } from 'prom-client';

/** What `/metrics` answers: the registry's text, and comment lines that say why a metric is absent. */
export type Scrape = { contentType: string; text(): Promise<string> };

export function scrapeOf(registry: Registry, notes: readonly string[] = []): Scrape {
  return {
    contentType: registry.contentType,
    async text() {
      const body = await registry.metrics();
      return notes.length === 0 ? body : `${notes.join('\n')}\n${body}`;
    },
  };
}

export async function sendScrape(res: ServerResponse, scrape: Scrape): Promise<void> {
  const body = await scrape.text();
  res.writeHead(200, { 'content-type': scrape.contentType, 'cache-control': 'no-store' });
  res.end(body);
}

/** `Authorization: Bearer <token>`, compared in constant time. */
export function hasBearer(req: IncomingMessage, token: string): boolean {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer (.+)$/i.exec(header);
  if (!match?.[1]) return false;
  const given = Buffer.from(match[1]);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
