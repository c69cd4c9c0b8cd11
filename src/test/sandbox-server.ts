import { http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createSandbox, type Sandbox } from '../../sandbox/create-sandbox';

/**
 * The sandbox in-process for component tests: MSW hands each `/cloud` request to the sandbox,
 * adding the token on the way as the dev proxy does.
 */
export function setupSandbox(): Sandbox {
  const sandbox = createSandbox();
  const server = setupServer(
    http.all('*/cloud/*', ({ request }) => {
      const headers = new Headers(request.headers);
      headers.set('authorization', `APIKey ${sandbox.token}`);
      return sandbox.fetch(new Request(request, { headers }));
    }),
  );
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => sandbox.reset());
  afterAll(() => server.close());
  return sandbox;
}
