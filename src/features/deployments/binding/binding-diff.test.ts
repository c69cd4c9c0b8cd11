import { describe, expect, it } from 'vitest';
import type { DeploymentRecord } from '../api/deployment-record';
import {
  bindingChanges,
  deploymentsLosingLastKey,
  deploymentsTurningAuthOn,
  nextKeyList,
} from './binding-diff';

const deployment = (
  name: string,
  keyRefs: string[],
  authEnabled = keyRefs.length > 0,
): DeploymentRecord => ({ ref: name, name, status: 'ACTIVE', address: null, keyRefs, authEnabled });

describe('bindingChanges', () => {
  it('attaches new deployments first, in the order chosen, then detaches the dropped ones', () => {
    expect(bindingChanges('k1', ['a', 'b', 'c'], ['d', 'b', 'e'])).toEqual([
      { deployment: 'd', keyName: 'k1', attach: true },
      { deployment: 'e', keyName: 'k1', attach: true },
      { deployment: 'a', keyName: 'k1', attach: false },
      { deployment: 'c', keyName: 'k1', attach: false },
    ]);
  });

  it('asks for nothing when the set is unchanged, whatever the order or repeats', () => {
    expect(bindingChanges('k1', ['a', 'b'], ['b', 'a', 'a'])).toEqual([]);
  });

  it('makes one change per deployment even when a name is repeated', () => {
    expect(bindingChanges('k1', [], ['a', 'a'])).toEqual([
      { deployment: 'a', keyName: 'k1', attach: true },
    ]);
  });
});

describe('deploymentsLosingLastKey', () => {
  const deployments = [
    deployment('solo', ['k1']),
    deployment('shared', ['k1', 'k2']),
    deployment('public', []),
  ];

  it('names only the deployments whose last key is detached', () => {
    const changes = bindingChanges('k1', ['solo', 'shared'], []);
    expect(deploymentsLosingLastKey(changes, deployments).map((d) => d.name)).toEqual(['solo']);
  });

  it('ignores attaches, and detaches of a key the deployment does not list', () => {
    const changes = [
      { deployment: 'public', keyName: 'k1', attach: false },
      { deployment: 'public', keyName: 'k1', attach: true },
      { deployment: 'unknown', keyName: 'k1', attach: false },
    ];
    expect(deploymentsLosingLastKey(changes, deployments)).toEqual([]);
  });
});

describe('deploymentsTurningAuthOn', () => {
  it('picks the chosen deployments that have no key today', () => {
    const chosen = [deployment('a', []), deployment('b', ['k2']), deployment('c', [])];
    expect(deploymentsTurningAuthOn(chosen).map((d) => d.name)).toEqual(['a', 'c']);
  });

  it('follows what the API reports, not the key count', () => {
    // v2 data: a deployment may list keys with authentication off, or have it on with none.
    const chosen = [deployment('keys-but-open', ['k2'], false), deployment('closed', [], true)];
    expect(deploymentsTurningAuthOn(chosen).map((d) => d.name)).toEqual(['keys-but-open']);
  });
});

describe('nextKeyList', () => {
  it('appends on attach, removes on detach, keeps order and never duplicates', () => {
    expect(nextKeyList(['a', 'b'], { deployment: 'd', keyName: 'c', attach: true })).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect(nextKeyList(['a', 'c', 'b'], { deployment: 'd', keyName: 'c', attach: true })).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect(nextKeyList(['a', 'c', 'b'], { deployment: 'd', keyName: 'c', attach: false })).toEqual([
      'a',
      'b',
    ]);
  });
});
