import type { Page } from '@playwright/test';
import { REQUESTED_BY_HEADER } from '../src/lib/request-header';

export type ServerCall = { method: string; path: string; requestedBy: string | undefined };

/**
 * Every request the page sends to its own server's `/cloud` and `/__app` (not the sandbox's
 * controls), with the value of the dashboard's header on it, as the browser sent it.
 */
export function recordServerCalls(page: Page): () => Promise<ServerCall[]> {
  const calls: Promise<ServerCall>[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (!pathname.startsWith('/cloud/') && !pathname.startsWith('/__app/')) return;
    calls.push(
      request.allHeaders().then((headers) => ({
        method: request.method(),
        path: pathname,
        requestedBy: headers[REQUESTED_BY_HEADER],
      })),
    );
  });
  return () => Promise.all(calls);
}
