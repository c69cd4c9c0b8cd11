// @vitest-environment node
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createdApiKeySchema } from '../src/features/api-keys/api/api-key-schemas';
import { createSandbox } from './create-sandbox';
import { sandboxHandlers } from './msw-handlers';

const sandbox = createSandbox();
const server = setupServer(...sandboxHandlers(sandbox));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => sandbox.reset());
afterAll(() => server.close());

const headers = { Authorization: `APIKey ${sandbox.token}`, 'Content-Type': 'application/json' };

describe('sandboxHandlers (MSW)', () => {
  it('answers /cloud requests on any origin from the sandbox', async () => {
    const res = await fetch('http://localhost:3000/cloud/v1/projects?limit=1', { headers });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ count: 2, results: [{ name: 'staging' }] });
  });

  it('passes bodies through and keeps state between calls', async () => {
    const created = await fetch('http://localhost/cloud/v2/inference/api_keys', {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'via-msw' }),
    });
    const key = createdApiKeySchema.parse(await created.json());
    const fetched = await fetch(`http://localhost/cloud/v2/inference/api_keys/${key.key_id}`, {
      headers,
    });
    expect(await fetched.json()).toMatchObject({ name: 'via-msw' });
    expect(sandbox.requestLog.entries().map((e) => e.method)).toEqual(['POST', 'GET']);
  });

  it('turns a drop fault into a network error', async () => {
    sandbox.faults.arm({ path: '/cloud', drop: true });
    await expect(fetch('http://localhost/cloud/v1/projects', { headers })).rejects.toThrow(
      TypeError,
    );
  });

  it('keeps error statuses and bodies', async () => {
    const res = await fetch('http://localhost/cloud/v1/projects');
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ exception_class: 'NotAuthenticated' });
  });
});
