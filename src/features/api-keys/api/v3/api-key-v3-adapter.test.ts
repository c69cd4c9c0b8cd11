import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSandbox } from '../../../../../sandbox/create-sandbox';
import type { KeyRecord } from '../key-model';
import { keysAdapterV3 } from './api-key-v3-adapter';

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

describe('the v3 adapter plans what the generation does apart from the key call', () => {
  it('leaves the chosen deployments of a new key to a job: the key comes back unbound', async () => {
    const sandbox = createSandbox();
    vi.stubGlobal('location', { origin: 'http://dashboard.test' });
    vi.stubGlobal('fetch', (input: string, init: RequestInit) => {
      const headers = new Headers(init.headers);
      headers.set('authorization', `APIKey ${sandbox.token}`);
      return sandbox.fetch(new Request(input, { ...init, headers }));
    });
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
});
