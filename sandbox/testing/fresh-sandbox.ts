import { beforeEach } from 'vitest';
import { createSandbox, type Sandbox, type SandboxOptions } from '../create-sandbox';
import { type CallOptions, sandboxCaller } from './sandbox-test-client';

/**
 * Before each test, a fresh in-process sandbox (3 s tasks) on a clock that stands at `start`
 * until the test moves it. `call` and `clock` always reach the current one, so a file takes
 * them once at the top; `sandbox` is read inside a test.
 */
export function freshSandboxEachTest(start: string, options: Omit<SandboxOptions, 'now'> = {}) {
  let ms = 0;
  let current: Sandbox | undefined;
  beforeEach(() => {
    ms = Date.parse(start);
    current = createSandbox({ now: () => new Date(ms), taskDurationMs: 3000, ...options });
  });
  const sandbox = () => {
    if (!current) throw new Error('The sandbox exists only inside a test.');
    return current;
  };
  return {
    get sandbox() {
      return sandbox();
    },
    call: (method: string, path: string, options?: CallOptions) =>
      sandboxCaller(sandbox())(method, path, options),
    clock: {
      advance: (by: number) => void (ms += by),
      set: (iso: string) => void (ms = Date.parse(iso)),
    },
  };
}
