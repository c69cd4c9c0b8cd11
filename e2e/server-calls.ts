import type { Page } from '@playwright/test';
import { REQUESTED_BY_HEADER } from '../src/lib/request-header';

export type ServerCall = { method: string; path: string; requestedBy: string | undefined };

/**
 * Every request the page sends to its own server's `/cloud` and `/__app` (not the sandbox's
 * controls), with the value of the dashboard's header on it, as the browser sent it.
 */
export function recordServerCalls(page: Page): () => Promise<ServerCall[]> {
  const calls: ServerCall[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (!pathname.startsWith('/cloud/') && !pathname.startsWith('/__app/')) return;
    // Read as the request leaves: the page's own header is among these. Asking Chromium later
    // (allHeaders) failed the test when a call the page made after the last check (a refresh
    // once idle) was still being read as the test ended.
    calls.push({
      method: request.method(),
      path: pathname,
      requestedBy: request.headers()[REQUESTED_BY_HEADER],
    });
  });
  return () => Promise.resolve([...calls]);
}
