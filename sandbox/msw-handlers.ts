import { http, type RequestHandler } from 'msw';
import type { Sandbox } from './create-sandbox';

/**
 * MSW handlers that answer every `/cloud/…` request from the sandbox, for component tests in
 * jsdom. A dropped-connection fault comes back as Response.error(), which MSW already turns into
 * a network error.
 */
export function sandboxHandlers(sandbox: Sandbox): RequestHandler[] {
  return [http.all('*/cloud/*', ({ request }) => sandbox.fetch(request))];
}
