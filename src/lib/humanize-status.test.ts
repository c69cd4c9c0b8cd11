import { describe, expect, it } from 'vitest';
import { humanizeStatus } from './humanize-status';

describe('humanizeStatus', () => {
  it.each([
    ['ACTIVE', 'Active'],
    ['NOT_READY', 'Not ready'],
    ['PARTIALLYDEPLOYED', 'Partially deployed'],
    ['suspended', 'Suspended'],
    ['  ', 'Unknown'],
  ])('%j → %j', (status, label) => expect(humanizeStatus(status)).toBe(label));
});
