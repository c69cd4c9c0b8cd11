import { describe, expect, it } from 'vitest';
import type { KeyRecord } from '../api/key-model';
import { sortKeys } from './sort-keys';

const key = (name: string, createdAt: string, expiresAt: string | null): KeyRecord => ({
  id: name,
  name,
  description: null,
  createdAt,
  expiresAt,
  deploymentRefs: [],
  status: null,
});
const keys = [
  key('beta', '2026-01-02T00:00:00Z', null),
  key('alpha', '2026-01-03T00:00:00Z', '2027-01-01T00:00:00Z'),
  key('gamma', '2026-01-02T00:00:00Z', '2026-06-01T00:00:00Z'),
];
const names = (sorted: KeyRecord[]) => sorted.map((k) => k.name);

describe('sortKeys (for an API that cannot sort)', () => {
  it('sorts by name either way', () => {
    expect(names(sortKeys(keys, { field: 'name', direction: 'asc' }))).toEqual([
      'alpha',
      'beta',
      'gamma',
    ]);
    expect(names(sortKeys(keys, { field: 'name', direction: 'desc' }))).toEqual([
      'gamma',
      'beta',
      'alpha',
    ]);
  });

  it('breaks equal instants by name, so pages never shuffle', () => {
    expect(names(sortKeys(keys, { field: 'created_at', direction: 'desc' }))).toEqual([
      'alpha',
      'beta',
      'gamma',
    ]);
  });

  it('puts a key that never expires after every date', () => {
    expect(names(sortKeys(keys, { field: 'expires_at', direction: 'asc' }))).toEqual([
      'gamma',
      'alpha',
      'beta',
    ]);
  });

  it('leaves its input alone', () => {
    sortKeys(keys, { field: 'name', direction: 'asc' });
    expect(names(keys)).toEqual(['beta', 'alpha', 'gamma']);
  });
});
