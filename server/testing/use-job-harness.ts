import { afterAll, afterEach, beforeAll } from 'vitest';
import { startJobHarness, type JobHarness, type JobHarnessOptions } from './job-harness.ts';

/**
 * One harness for a test file: started once (a sandbox and a gateway are slow to start), reset
 * after each test so no test sees another's data, faults or clock. The answer stands for the
 * harness the file's `beforeAll` starts, so tests read it as a plain value.
 */
export function useJobHarness(options: JobHarnessOptions): JobHarness {
  let started: JobHarness | undefined;
  const current = (): JobHarness => {
    if (!started) throw new Error('the job harness is used before its beforeAll has started it');
    return started;
  };
  beforeAll(async () => {
    started = await startJobHarness(options);
  });
  afterEach(() => current().reset());
  afterAll(() => current().close());
  return new Proxy({} as JobHarness, { get: (_target, key) => Reflect.get(current(), key) });
}

/** A call to the sandbox as Gcore's own API, past the gateway, to see or change its data. */
export function asApi(harness: JobHarness, method: string, path: string, body?: unknown): Request {
  return new Request(`http://sandbox${path}`, {
    method,
    headers: {
      authorization: `APIKey ${harness.sandbox.token}`,
      'content-type': 'application/json',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** What the sandbox answers `asApi`: its status and JSON body (`{}` when it sends none). */
export async function callApi(
  harness: JobHarness,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const answer = await harness.sandbox.fetch(asApi(harness, method, path, body));
  const text = await answer.text();
  return { status: answer.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
}
