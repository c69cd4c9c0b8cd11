import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_KEY_IDS } from '../../sandbox/seed/api-keys.ts';
import { startExpiryHarness } from '../testing/expiry-harness.ts';
import { keyLink } from './expiry-message.ts';

type Harness = Awaited<ReturnType<typeof startExpiryHarness>>;
let v2: Harness;
let v3: Harness;

beforeAll(async () => {
  [v2, v3] = await Promise.all([
    startExpiryHarness('v2', '2099-12-18T00:00:00Z'),
    startExpiryHarness('v3', '2099-12-18T00:00:00Z'),
  ]);
}, 60_000);
afterAll(() => Promise.all([v2.close(), v3.close()]));

const MOBILE = {
  projectId: 1,
  projectName: 'default',
  keyName: 'mobile-app-prod',
  expiresAt: new Date('2099-12-31T23:59:59Z'),
  deployments: ['llama-3-8b-chat', 'mistral-7b-instruct'],
};

describe('reading the keys that expire', () => {
  it('on v3 names each key by its name and its deployments from the key', async () => {
    const reading = await v3.readKeys();
    expect(reading.failures).toEqual([]);
    expect(reading.keys.map((key) => key.keyName).sort()).toEqual(['mobile-app-prod', 'old-demo']);
    expect(reading.keys).toContainEqual({ ...MOBILE, keyId: 'mobile-app-prod' });
  });

  it('on v2 names the deployments behind the UUIDs and links the key by its id', async () => {
    const reading = await v2.readKeys();
    expect(reading.failures).toEqual([]);
    const mobile = reading.keys.find((key) => key.keyName === 'mobile-app-prod');
    expect(mobile).toEqual({ ...MOBILE, keyId: SEED_KEY_IDS.mobileAppProd });
    expect(keyLink('https://keys.example.com', { projectId: 1, keyId: mobile?.keyId ?? '' })).toBe(
      `https://keys.example.com/?project=1&key=${SEED_KEY_IDS.mobileAppProd}`,
    );
  });

  it('checks the other projects when one cannot be read', async () => {
    await v3.sandbox.fetch(
      new Request('http://sandbox.test/__sandbox/faults', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          method: 'GET',
          path: '/cloud/v3/inference/2/api_keys',
          status: 500,
        }),
      }),
    );
    const reading = await v3.readKeys();
    v3.sandbox.reset();
    expect(reading.failures.map((failure) => failure.projectId)).toEqual([2]);
    expect(reading.keys.map((key) => key.keyName)).toContain('mobile-app-prod');
  });

  it('follows the pages of a long list to its last key', async () => {
    v2.sandbox.reset({ seedKeys: 2500 });
    // The oldest generated key is listed last, on the third page of 1000 (the clock is in 2099).
    const oldest = '00000000-0000-4000-8000-000000000001';
    const patched = await v2.sandbox.fetch(
      new Request(`http://sandbox.test/cloud/v2/inference/api_keys/${oldest}`, {
        method: 'PATCH',
        headers: {
          authorization: `APIKey ${v2.sandbox.token}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ expires_at: '2100-06-01T00:00:00Z' }),
      }),
    );
    expect(patched.ok).toBe(true);
    const reading = await v2.readKeys();
    v2.sandbox.reset();
    expect(reading.failures).toEqual([]);
    expect(reading.keys.map((key) => key.keyName)).toContain('generated-key-0001');
  });
});
