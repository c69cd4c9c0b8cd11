// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ApiKey } from '../src/features/api-keys/api/api-key-schemas';
import { keyJson } from './key-json';
import { SandboxStore } from './sandbox-store';
import type { StoredApiKey } from './sandbox-types';
import { SEED_KEY_IDS } from './seed-api-keys';
import { keyOut } from './serializers';

// Any text at all, quotes, backslashes, `,"status":"` and lone surrogates included.
const text = fc.oneof(fc.string({ unit: 'binary' }), fc.constant('x","status":"EXPIRED'));
const instant = fc.date({
  min: new Date('1990-01-01'),
  max: new Date('2110-01-01'),
  noInvalidDate: true,
});
const keyArb = fc.record({
  key_id: fc.uuid(),
  name: text,
  description: fc.option(text),
  created_at: instant.map((d) => d.toISOString()),
  expires_at: fc.option(
    fc.oneof(
      instant.map((d) => d.toISOString()),
      text,
    ),
  ),
  inference_instance_ids: fc.array(text, { maxLength: 3 }),
  project_id: fc.integer(),
});

describe('keyJson', () => {
  it('is JSON.stringify(keyOut(key, now)) for any key, at any time, cached or not', () => {
    fc.assert(
      fc.property(keyArb, fc.array(instant, { minLength: 1, maxLength: 4 }), (key, nows) => {
        for (const now of nows) expect(keyJson(key, now)).toBe(JSON.stringify(keyOut(key, now)));
      }),
      { numRuns: 500 },
    );
  });

  it('shows a key as it is now after the store edits it', () => {
    const store = new SandboxStore(0);
    const key = store.requireKey(SEED_KEY_IDS.mobileAppProd);
    const now = new Date('2030-01-01T00:00:00Z');
    const current = () => JSON.parse(keyJson(key, now)) as Record<string, unknown>;
    expect(current()).toMatchObject({ status: 'ACTIVE', description: null });

    store.updateKey(key, { description: 'edited', expires_at: '2029-01-01T00:00:00Z' });
    expect(current()).toMatchObject({ status: 'EXPIRED', description: 'edited' });
    store.updateKey(key, { inference_instance_ids: ['b'] });
    expect(current()).toMatchObject({ inference_instance_ids: ['b'] });
  });

  it('notices a change made behind the store, even inside the id list', () => {
    const key: StoredApiKey = {
      key_id: 'k',
      name: 'n',
      description: null,
      created_at: '2024-01-01T00:00:00Z',
      expires_at: null,
      inference_instance_ids: ['a'],
      project_id: 1,
    };
    const now = new Date();
    keyJson(key, now);
    key.inference_instance_ids.push('b');
    expect(keyJson(key, now)).toBe(JSON.stringify(keyOut(key, now)));
    key.inference_instance_ids[0] = 'z';
    expect(keyJson(key, now)).toBe(JSON.stringify(keyOut(key, now)));
    key.created_at = '2025-01-01T00:00:00Z';
    expect(keyJson(key, now)).toBe(JSON.stringify(keyOut(key, now)));
  });

  it('calls a key EXPIRED from the very instant it expires', () => {
    const store = new SandboxStore(0);
    const key = store.requireKey(SEED_KEY_IDS.oldDemo);
    const expiry = Date.parse(key.expires_at ?? '');
    const status = (at: number) => (JSON.parse(keyJson(key, new Date(at))) as ApiKey).status;
    expect([status(expiry - 1), status(expiry), status(expiry + 1)]).toEqual([
      'ACTIVE',
      'EXPIRED',
      'EXPIRED',
    ]);
  });
});
