import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSandbox } from '../../../../../sandbox/create-sandbox';
import { ApiError } from '../../../../lib/api-error';
import type { KeyRecord } from '../key-model';
import { keysAdapterV3 } from './api-key-v3-adapter';
import { v3ApiKeysPath } from './api-key-v3-schemas';

afterEach(() => vi.unstubAllGlobals());

const key = (deploymentRefs: string[]): KeyRecord => ({
  id: 'ci-bot',
  name: 'ci-bot',
  description: null,
  createdAt: '2026-01-01T00:00:00Z',
  expiresAt: '2030-01-01T00:00:00Z',
  deploymentRefs,
  status: null,
});

/** The real client against the in-process sandbox, with the token added as the proxy does. */
function useSandbox() {
  const sandbox = createSandbox();
  vi.stubGlobal('location', { origin: 'http://dashboard.test' });
  vi.stubGlobal('fetch', (input: string, init: RequestInit) => {
    const headers = new Headers(init.headers);
    headers.set('authorization', `APIKey ${sandbox.token}`);
    return sandbox.fetch(new Request(input, { ...init, headers }));
  });
  return sandbox;
}

describe('the v3 adapter plans what the generation does apart from the key call', () => {
  it('leaves the chosen deployments of a new key to a job: the key comes back unbound', async () => {
    useSandbox();
    const [deployment] = await keysAdapterV3.listDeployments(1);
    const ref = deployment?.ref ?? '';
    const created = await keysAdapterV3.createKey(1, {
      name: 'adapter-key',
      description: null,
      expiresAt: null,
      deploymentRefs: [ref],
    });
    expect(created.key.deploymentRefs).toEqual([]);
    expect(created.pendingBindings).toEqual([ref]);
  });

  it('sends only the description to the key, never the expiry, and moves bindings by job', () => {
    const plan = keysAdapterV3.planEdit(key(['a', 'b']), {
      description: 'CI',
      expiresAt: null,
      deploymentRefs: ['c', 'a', 'd'],
    });
    expect(plan).toEqual({ keyChanges: { description: 'CI' }, attach: ['c', 'd'], detach: ['b'] });
  });

  it('has nothing to do for an edit that changes nothing it can send', () => {
    expect(keysAdapterV3.planEdit(key(['a']), { expiresAt: null })).toEqual({
      keyChanges: {},
      attach: [],
      detach: [],
    });
  });

  it('detaches a bound key before deleting it, and re-reads a key a 409 says is bound', () => {
    expect(keysAdapterV3.planDelete(key(['a']))).toEqual({
      detachFirst: true,
      rereadOnConflict: true,
    });
    expect(keysAdapterV3.planDelete(key([]))).toEqual({
      detachFirst: false,
      rereadOnConflict: true,
    });
  });

  it('names a refused field in the key model’s words, and keeps a field it does not know', async () => {
    const sandbox = useSandbox();
    const refuse = (method: string) =>
      sandbox.faults.arm({
        method,
        path: v3ApiKeysPath(1),
        status: 400,
        body: {
          exception_class: 'ValidationError',
          message: 'Validation Error',
          invalid_fields: {
            expires_at: ['In the past.'],
            project_id: ['Not yours.'],
            api_key_name: ['Bad.'],
          },
        },
      });
    const expected = {
      expiresAt: ['In the past.'],
      projectId: ['Not yours.'],
      api_key_name: ['Bad.'],
    };
    const newKey = { name: 'refused', description: null, expiresAt: null, deploymentRefs: [] };
    refuse('POST');
    const created = keysAdapterV3.createKey(1, newKey);
    await expect(created).rejects.toBeInstanceOf(ApiError);
    await expect(created).rejects.toMatchObject({ status: 400, invalidFields: expected });
    refuse('PATCH');
    await expect(keysAdapterV3.updateKey(1, 'k1', { description: 'x' })).rejects.toMatchObject({
      status: 400,
      invalidFields: expected,
    });
  });
});
