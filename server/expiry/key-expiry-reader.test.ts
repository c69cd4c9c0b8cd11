import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../sandbox/create-sandbox';
import { readKeyExpiries } from './key-expiry-reader';

const API = 'http://sandbox.test';

function sandboxTarget(seedKeys = 0) {
  const sandbox = createSandbox({ token: 'expiry-token', seedKeys });
  const send: typeof fetch = (input, init) =>
    sandbox.fetch(new Request(input instanceof Request ? input.url : String(input), init));
  return { sandbox, target: { apiUrl: API, token: 'expiry-token', fetch: send } };
}

async function createV3Key(send: typeof fetch, project: number, body: Record<string, string>) {
  const response = await send(`${API}/cloud/v3/inference/${project}/api_keys`, {
    method: 'POST',
    headers: { authorization: 'APIKey expiry-token', 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.ok).toBe(true);
}

describe('readKeyExpiries', () => {
  it.each(['v2', 'v3'] as const)(
    'lists every %s key that expires, across projects, and leaves out keys that never expire',
    async (generation) => {
      const { target } = sandboxTarget();
      const expiries = await readKeyExpiries({ ...target, generation });
      const byKey = expiries.map((entry) => [entry.key, entry.expiresAt.toISOString()]);
      expect(byKey).toEqual(
        expect.arrayContaining([
          ['mobile-app-prod', '2099-12-31T23:59:59.000Z'],
          ['old-demo', '2025-01-31T00:00:00.000Z'],
        ]),
      );
      expect(expiries.map((entry) => entry.key)).not.toContain('ci-pipeline');
      expect(expiries.map((entry) => entry.key)).not.toContain('staging-tests');
    },
  );

  it('reads a v3 key made in another project, with its project id', async () => {
    const { target } = sandboxTarget();
    const staging = await readKeyExpiries({ ...target, generation: 'v3' });
    const projects = new Set(staging.map((entry) => entry.project));
    const other = [...projects][0] ?? 1;
    await createV3Key(target.fetch, other, {
      name: 'rotating-key',
      expires_at: '2030-05-01T12:00:00Z',
    });
    const after = await readKeyExpiries({ ...target, generation: 'v3' });
    expect(after).toContainEqual({
      project: other,
      key: 'rotating-key',
      expiresAt: new Date('2030-05-01T12:00:00Z'),
    });
  });

  it('follows the pages of a long list to its last key', async () => {
    const { target } = sandboxTarget(2500);
    // The oldest generated key is listed last, on the third page of 1000.
    const oldest = '00000000-0000-4000-8000-000000000001';
    const patched = await target.fetch(`${API}/cloud/v2/inference/api_keys/${oldest}`, {
      method: 'PATCH',
      headers: { authorization: 'APIKey expiry-token', 'content-type': 'application/json' },
      body: JSON.stringify({ expires_at: '2031-01-01T00:00:00Z' }),
    });
    expect(patched.ok).toBe(true);
    const expiries = await readKeyExpiries({ ...target, generation: 'v2' });
    expect(expiries.map((entry) => entry.key)).toContain('generated-key-0001');
  });

  it('fails rather than answer with a partial list when the API refuses the token', async () => {
    const { target } = sandboxTarget();
    await expect(readKeyExpiries({ ...target, token: 'wrong', generation: 'v3' })).rejects.toThrow(
      /HTTP 401/,
    );
  });
});
