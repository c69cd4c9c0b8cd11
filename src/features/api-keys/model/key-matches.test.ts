import { describe, expect, it } from 'vitest';
import type { DeploymentRecord } from '../../deployments/api/deployment-record';
import type { KeyRecord } from '../api/key-model';
import { keyMatches } from './key-matches';

const key: KeyRecord = {
  id: 'k1',
  name: 'ci-pipeline',
  description: 'Used by the CI smoke tests',
  createdAt: '2026-01-01T00:00:00Z',
  expiresAt: null,
  deploymentRefs: ['0b1e7c51-aaaa-4bbb-8ccc-000000000001'],
  status: null,
};
const deployments = new Map<string, DeploymentRecord>([
  [
    '0b1e7c51-aaaa-4bbb-8ccc-000000000001',
    {
      ref: '0b1e7c51-aaaa-4bbb-8ccc-000000000001',
      name: 'llama-3-8b-chat',
      status: 'ACTIVE',
      address: null,
      authEnabled: true,
      keyRefs: ['k1'],
    },
  ],
]);

describe('keyMatches', () => {
  it('matches the name, the description and the names of its deployments', () => {
    expect(keyMatches(key, 'pipe', deployments)).toBe(true);
    expect(keyMatches(key, 'smoke', deployments)).toBe(true);
    expect(keyMatches(key, 'llama', deployments)).toBe(true);
    expect(keyMatches(key, 'whisper', deployments)).toBe(false);
  });

  it('never matches on a deployment id, nor on deployments not loaded yet', () => {
    expect(keyMatches(key, '0b1e7c51', deployments)).toBe(false);
    expect(keyMatches(key, 'llama', undefined)).toBe(false);
  });

  it('matches everything with no filter, and a key with no description by the rest', () => {
    expect(keyMatches({ ...key, description: null }, '', undefined)).toBe(true);
    expect(keyMatches({ ...key, description: null }, 'smoke', deployments)).toBe(false);
  });
});
