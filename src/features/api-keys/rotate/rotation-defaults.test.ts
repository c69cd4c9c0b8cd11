import { describe, expect, it } from 'vitest';
import { keysAdapterV2 } from '../api/v2/api-key-v2-adapter';
import type { KeyRecord } from '../api/key-model';
import { rotationDefaults } from './rotation-defaults';

const oldKey: KeyRecord = {
  id: 'support-chatbot',
  name: 'support-chatbot',
  description: 'Chat widget',
  createdAt: '2030-01-01T00:00:00Z',
  expiresAt: '2030-01-31T00:00:00Z',
  deploymentRefs: ['llama'],
  status: null,
};
const now = new Date('2030-01-20T00:00:00Z');
const rules = keysAdapterV2.capabilities;
const defaults = (key: KeyRecord) => rotationDefaults(key, 7, new Set(), rules, now);

describe('what a rotation copies and proposes', () => {
  it('copies description, project and deployments, and numbers the name', () => {
    expect(defaults(oldKey)).toMatchObject({
      name: 'support-chatbot-2',
      description: 'Chat widget',
      projectId: '7',
      instanceIds: ['llama'],
    });
  });

  it('gives the new key the old lifetime: a preset when it was one', () => {
    expect(defaults(oldKey).expiryPreset).toBe('30d');
  });

  it('gives the exact lifetime from now when it is no preset', () => {
    const odd = { ...oldKey, expiresAt: '2030-01-03T00:00:00Z' };
    const values = defaults(odd);
    expect(values.expiryPreset).toBe('custom');
    expect(new Date(values.expiryCustom).getTime()).toBe(now.getTime() + 2 * 86_400_000);
  });

  it('never for a key that never expires; 90 days when the lifetime is unreadable', () => {
    expect(defaults({ ...oldKey, expiresAt: null }).expiryPreset).toBe('never');
    expect(defaults({ ...oldKey, createdAt: 'soon' }).expiryPreset).toBe('90d');
  });
});
