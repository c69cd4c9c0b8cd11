import { describe, expect, it } from 'vitest';
import type { DeploymentRecord } from '../../deployments/api/deployment-record';
import type { KeyRecord } from '../api/key-model';
import { keySearchTexts, listSearchOf, matchingIndexes, textsMatch } from './key-matches';

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

/** One key tested on its own, text by text: what the list's one scan must agree with. */
const keyMatches = (
  each: KeyRecord,
  needle: string,
  deploymentsById: ReadonlyMap<string, DeploymentRecord> | undefined,
) => textsMatch(keySearchTexts(each, deploymentsById), needle);

describe('a key tested on its own', () => {
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

describe('matchingIndexes over a list', () => {
  const list: KeyRecord[] = [
    key,
    {
      ...key,
      id: 'k2',
      name: 'smoke-runner',
      description: 'Smoke tests at night',
      deploymentRefs: [],
    },
    { ...key, id: 'k3', name: 'billing', description: 'line one\nline two', deploymentRefs: [] },
    { ...key, id: 'k4', name: 'pipeline-b', description: null },
  ];
  const search = listSearchOf(list, deployments);

  it('gives each matching key once, in list order, by name, description or deployment name', () => {
    expect(matchingIndexes(search, 'smoke')).toEqual([0, 1]);
    expect(matchingIndexes(search, 'pipe')).toEqual([0, 3]);
    expect(matchingIndexes(search, 'llama')).toEqual([0, 3]);
    expect(matchingIndexes(search, 'whisper')).toEqual([]);
    expect(matchingIndexes(search, '')).toEqual([0, 1, 2, 3]);
  });

  it('never matches across two keys or two texts of one key', () => {
    // The end of one text and the start of the next, in one key and across keys.
    expect(matchingIndexes(search, 'testsllama')).toEqual([]);
    expect(matchingIndexes(search, 'chatsmoke')).toEqual([]);
    expect(matchingIndexes(search, 'twopipe')).toEqual([]);
  });

  it('matches what a text itself holds, a line break in a description included', () => {
    expect(matchingIndexes(search, 'one\nline')).toEqual([2]);
    expect(matchingIndexes(search, '\u0000')).toEqual([]);
  });

  it('matches as each key tested alone does', () => {
    for (const needle of ['i', 'e-', 'chat', 'night', 'b', 'line']) {
      const alone = list.flatMap((each, index) =>
        keyMatches(each, needle, deployments) ? [index] : [],
      );
      expect(matchingIndexes(search, needle)).toEqual(alone);
    }
  });
});
