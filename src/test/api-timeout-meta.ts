import { afterAll, beforeAll } from 'vitest';

/** Sets the page's API time-out as the server would (a meta tag), for one test file. */
export function withApiTimeoutMeta(ms: number): void {
  beforeAll(() => {
    const meta = Object.assign(document.createElement('meta'), {
      name: 'gcore-api-timeout-ms',
      content: String(ms),
    });
    document.head.append(meta);
  });
  afterAll(() => document.head.querySelector('meta[name="gcore-api-timeout-ms"]')?.remove());
}
