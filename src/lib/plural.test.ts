import { describe, expect, it } from 'vitest';
import { countOf } from './plural';

const DEPLOYMENT = { one: 'deployment', other: 'deployments' };

describe('countOf', () => {
  it('says one thing in the singular and any other count in the plural', () => {
    expect(countOf(1, DEPLOYMENT)).toBe('1 deployment');
    expect(countOf(2, DEPLOYMENT)).toBe('2 deployments');
    expect(countOf(0, DEPLOYMENT)).toBe('0 deployments');
    expect(countOf(21, { one: 'key', other: 'keys' })).toBe('21 keys');
  });

  it('never writes "(s)"', () => {
    for (const n of [0, 1, 2, 5, 100]) expect(countOf(n, DEPLOYMENT)).not.toContain('(s)');
  });
});
