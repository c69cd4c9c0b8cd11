// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { apiKeyListSchema, apiKeySchema } from '../../../src/features/api-keys/api/api-key-schemas';
import { KEYS } from '../../testing/sandbox-test-client';
import { SEED_KEY_IDS as K } from '../../seed/api-keys';
import { freshSandboxEachTest } from '../../testing/fresh-sandbox';

const { call, clock } = freshSandboxEachTest('2025-06-01T12:00:00Z');

const getKey = async (id: string) => apiKeySchema.parse((await call('GET', `${KEYS}/${id}`)).json);
const patch = (id: string, body: unknown) => call('PATCH', `${KEYS}/${id}`, { body });

describe('status', () => {
  it('turns EXPIRED once expires_at has passed, by the injected clock', async () => {
    const res = await call('POST', KEYS, {
      body: { name: 'short-lived', expires_at: '2025-06-01T13:00:00Z' },
    });
    const key = apiKeySchema.parse(res.json);
    expect(key.status).toBe('ACTIVE');
    clock.set('2025-06-01T12:59:59Z');
    expect((await getKey(key.key_id)).status).toBe('ACTIVE');
    clock.set('2025-06-01T13:00:00Z');
    expect((await getKey(key.key_id)).status).toBe('EXPIRED');
    const list = apiKeyListSchema.parse((await call('GET', KEYS)).json);
    expect(list.results.find((k) => k.key_id === key.key_id)?.status).toBe('EXPIRED');
  });

  it('shows the seed key old-demo as ACTIVE before its expiry and EXPIRED after', async () => {
    clock.set('2025-01-30T00:00:00Z');
    expect((await getKey(K.oldDemo)).status).toBe('ACTIVE');
    clock.set('2025-02-01T00:00:00Z');
    expect((await getKey(K.oldDemo)).status).toBe('EXPIRED');
  });

  it('can bring an expired key back by moving expires_at ahead', async () => {
    const res = await patch(K.oldDemo, { expires_at: '2026-01-01T00:00:00Z' });
    expect(apiKeySchema.parse(res.json).status).toBe('ACTIVE');
  });
});
