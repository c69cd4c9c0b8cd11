// @vitest-environment jsdom
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox } from './create-sandbox';
import { sandboxHandlers } from './msw-handlers';

// The handlers exist for component tests, which run in jsdom: prove the sandbox works there,
// with relative URLs as the app uses them.
const sandbox = createSandbox();
const server = setupServer(...sandboxHandlers(sandbox));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const headers = { Authorization: `APIKey ${sandbox.token}`, 'Content-Type': 'application/json' };

describe('sandboxHandlers under jsdom', () => {
  it('answers a relative /cloud URL', async () => {
    const res = await fetch('/cloud/v2/inference/deployments?limit=2', { headers });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ count: 7 });
  });

  it('creates a key and returns its secret once', async () => {
    const res = await fetch('/cloud/v2/inference/api_keys', {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'jsdom-key' }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toHaveProperty('secret');
  });

  it('honours a delay fault and an abort', async () => {
    sandbox.faults.arm({ path: '/cloud/v1/projects', delayMs: 5_000, passThrough: true });
    const controller = new AbortController();
    const pending = fetch('/cloud/v1/projects', { headers, signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toThrow();
  });

  it('turns a drop fault into a network error', async () => {
    sandbox.faults.arm({ path: '/cloud', drop: true });
    await expect(fetch('/cloud/v1/projects', { headers })).rejects.toThrow(TypeError);
  });
});
