import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSandbox } from '../../../../../sandbox/create-sandbox';
import { ApiError } from '../../../../lib/api-error';
import { API_KEYS_PATH } from '../api-key-schemas';
import { keysAdapterV2, toDeploymentRecordV2 } from './api-key-v2-adapter';

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

afterEach(() => vi.unstubAllGlobals());

describe('the v2 adapter speaks the one key model', () => {
  it('creates, reads, changes and deletes a key bound to a deployment', async () => {
    useSandbox();
    const [deployment] = await keysAdapterV2.listDeployments(1);
    expect(deployment).toMatchObject({ ref: expect.any(String), name: expect.any(String) });
    const ref = deployment?.ref ?? '';
    const { key, secret, pendingBindings } = await keysAdapterV2.createKey(1, {
      name: 'adapter-key',
      description: null,
      expiresAt: '2030-01-01T00:00:00Z',
      deploymentRefs: [ref],
    });
    expect(secret.length).toBeGreaterThan(10);
    // Bound inside the create call: nothing is left for a job to do.
    expect(pendingBindings).toEqual([]);
    expect(key).toMatchObject({ name: 'adapter-key', status: 'ACTIVE', deploymentRefs: [ref] });
    expect(await keysAdapterV2.getKey(1, key.id)).toEqual(key);

    const changed = await keysAdapterV2.updateKey(1, key.id, {
      description: 'CI',
      expiresAt: null,
      deploymentRefs: [],
    });
    expect(changed).toMatchObject({ description: 'CI', expiresAt: null, deploymentRefs: [] });

    const page = await keysAdapterV2.listKeyPage(1, {
      limit: 1000,
      offset: 0,
      orderBy: 'name.asc',
    });
    expect(page.results.map((k) => k.id)).toContain(key.id);
    expect(await keysAdapterV2.deleteKey(1, key.id)).toBe('deleted');
    expect(await keysAdapterV2.deleteKey(1, key.id)).toBe('already-gone');
  });

  it("reads a deployment's auth_enabled, absent meaning the spec's default (off)", () => {
    const base = { id: 'd1', name: 'd', status: 'ACTIVE', address: null, description: null };
    const record = (extra: object) =>
      toDeploymentRecordV2({ ...base, created_at: null, api_key_ids: ['k'], ...extra });
    expect(record({ auth_enabled: true }).authEnabled).toBe(true);
    expect(record({ auth_enabled: false }).authEnabled).toBe(false);
    expect(record({}).authEnabled).toBe(false);
  });

  it('plans an edit as one call to the key, bindings and expiry included, and no jobs', () => {
    const key = {
      id: 'k1',
      name: 'ci-bot',
      description: null,
      createdAt: '2026-01-01T00:00:00Z',
      expiresAt: null,
      deploymentRefs: ['d1', 'd2'],
      status: 'ACTIVE',
    };
    const edit = { description: 'CI', expiresAt: '2030-01-01T00:00:00Z', deploymentRefs: ['d2'] };
    expect(keysAdapterV2.planEdit(key, edit)).toEqual({
      keyChanges: edit,
      attach: [],
      detach: [],
    });
    expect(keysAdapterV2.planDelete(key)).toEqual({ detachFirst: false, rereadOnConflict: false });
  });

  it('names a refused field in the key model’s words, and keeps a field it does not know', async () => {
    const sandbox = useSandbox();
    const refuse = (method: string, path: string) =>
      sandbox.faults.arm({
        method,
        path,
        status: 400,
        body: {
          exception_class: 'ValidationError',
          message: 'Validation Error',
          invalid_fields: {
            expires_at: ['In the past.'],
            inference_instance_ids: { 0: ['Unknown instance.'] },
            project_id: ['Not yours.'],
            color: ['Unknown.'],
          },
        },
      });
    const expected = {
      expiresAt: ['In the past.'],
      deploymentRefs: ['Unknown instance.'],
      projectId: ['Not yours.'],
      color: ['Unknown.'],
    };
    const newKey = { name: 'refused', description: null, expiresAt: null, deploymentRefs: [] };
    refuse('POST', API_KEYS_PATH);
    const created = keysAdapterV2.createKey(1, newKey);
    await expect(created).rejects.toBeInstanceOf(ApiError);
    await expect(created).rejects.toMatchObject({ status: 400, invalidFields: expected });
    refuse('PATCH', `${API_KEYS_PATH}/`);
    await expect(keysAdapterV2.updateKey(1, 'k1', { description: 'x' })).rejects.toMatchObject({
      status: 400,
      invalidFields: expected,
    });
  });
});
