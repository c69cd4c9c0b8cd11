import { afterAll, afterEach, beforeAll } from 'vitest';
import { createSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/create-sandbox';
import { testClock } from './test-clock';

/** The app server's own routes a test file serves beside the sandbox (see jobs-fake.ts). */
type AppRoute = ((request: Request) => Promise<Response>) | null;
export const appRoutes: { jobs: AppRoute; activity: AppRoute } = {
  jobs: null,
  activity: null,
};

/**
 * The sandbox in-process for component tests: `fetch` hands each same-origin `/cloud/` request
 * to the sandbox, adding the token on the way as the dev proxy does. Any other request fails
 * the test, so a call the app should not make (or a token sent elsewhere) cannot go unnoticed.
 */
export function setupSandbox(options: SandboxOptions = {}): Sandbox {
  // The test clock: a test moves it past a v3 task's end when it wants the task to finish.
  const sandbox = createSandbox({ now: testClock.date, ...options });
  const unhandled: string[] = [];
  let realFetch: typeof fetch | undefined;
  // Assigned, not vi.stubGlobal: a test's vi.unstubAllGlobals() must not take the sandbox away
  // from the tests after it in the file.
  beforeAll(() => {
    realFetch = globalThis.fetch;
    globalThis.fetch = sandboxFetch(sandbox, unhandled);
  });
  afterEach(() => {
    sandbox.reset();
    // The app turns a rejected fetch into a "connection failed" message a test may accept;
    // failing here keeps an unhandled request loud.
    const seen = unhandled.splice(0);
    if (seen.length > 0) throw new Error(`Requests no handler took:\n${seen.join('\n')}`);
  });
  afterAll(() => {
    if (realFetch) globalThis.fetch = realFetch;
  });
  return sandbox;
}

function sandboxFetch(sandbox: Sandbox, unhandled: string[]): typeof fetch {
  return async (input, init) => {
    const source = input instanceof Request ? input : undefined;
    // As a browser does: a relative URL is resolved against the page.
    const url = new URL(source?.url ?? input.toString(), globalThis.location.href);
    const method = (init?.method ?? source?.method ?? 'GET').toUpperCase();
    const sameOrigin = url.origin === globalThis.location.origin;
    if (sameOrigin && url.pathname.startsWith('/__app/jobs') && appRoutes.jobs) {
      // Without the caller's signal: Node's Request refuses jsdom's AbortSignal.
      return appRoutes.jobs(new Request(url, { method, headers: init?.headers, body: init?.body }));
    }
    if (sameOrigin && url.pathname.startsWith('/__app/activity') && appRoutes.activity) {
      return appRoutes.activity(new Request(url, { method, headers: init?.headers }));
    }
    // A file that serves no jobs still has a server that has none: the list reads them on v2
    // too (a rotation's retirement). Anything else sent there stays unhandled.
    if (sameOrigin && url.pathname === '/__app/jobs' && method === 'GET') {
      return Response.json({ results: [] });
    }
    if (!sameOrigin || !url.pathname.startsWith('/cloud/')) {
      const line = `${method} ${url.href}`;
      unhandled.push(line);
      throw new TypeError(
        `No handler for ${line}: component tests only serve /cloud/ on ${globalThis.location.origin}.`,
      );
    }
    const callerSignal = init?.signal ?? source?.signal ?? undefined;
    callerSignal?.throwIfAborted();
    // A signal of our own realm for the Request (Node's Request rejects a foreign AbortSignal),
    // following the caller's so the sandbox stops a faulted delay when the app cancels.
    const controller = new AbortController();
    const onAbort = () => controller.abort(callerSignal?.reason);
    callerSignal?.addEventListener('abort', onAbort, { once: true });
    const headers = new Headers(init?.headers ?? source?.headers);
    headers.set('authorization', `APIKey ${sandbox.token}`);
    const request = new Request(source ?? url, {
      ...init,
      method,
      headers,
      signal: controller.signal,
    });
    try {
      const response = await Promise.race([
        sandbox.fetch(request),
        rejectOnAbort(controller.signal),
      ]);
      // The sandbox's way of dropping the connection; fetch reports it as a network error.
      if (response.type === 'error') throw new TypeError('Failed to fetch');
      return response;
    } finally {
      callerSignal?.removeEventListener('abort', onAbort);
    }
  };
}

/** Like fetch, an aborted call rejects with the abort reason whether or not the server answers. */
function rejectOnAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
  });
}
