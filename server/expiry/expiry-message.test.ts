import { describe, expect, it } from 'vitest';
import type { ExpiringKey } from './expiry-keys.ts';
import { expiryMessage } from './expiry-message.ts';
import { dueThreshold } from './expiry-thresholds.ts';

const NOW = new Date('2027-01-01T12:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const key: ExpiringKey = {
  projectId: 7,
  projectName: 'prod',
  keyId: 'support-bot',
  keyName: 'support-bot',
  expiresAt: new Date('2027-01-08T12:00:00Z'),
  deployments: ['llama-3-8b', 'mistral-7b'],
};

describe('dueThreshold', () => {
  it.each([
    [15 * DAY, undefined],
    [14 * DAY, '14d'],
    [8 * DAY, '14d'],
    [7 * DAY, '7d'],
    [2 * DAY, '7d'],
    [DAY, '1d'],
    [1, '1d'],
    [0, 'expired'],
    [-14 * DAY, 'expired'],
    [-14 * DAY - 1, undefined],
  ])('is due, %d ms before expiry, the warning %s', (left, threshold) => {
    expect(dueThreshold(new Date(NOW.getTime() + left), NOW)).toBe(threshold);
  });
});

describe('expiryMessage', () => {
  it('names the project, the key, when, the deployments and the link', () => {
    expect(expiryMessage(key, '7d', NOW, 'https://keys.example.com')).toBe(
      'Key `support-bot` in project `prod` (id 7) expires in 7 days (2027-01-08 12:00 UTC). ' +
        'It unlocks: llama-3-8b, mistral-7b. ' +
        'Open it to replace it: https://keys.example.com/?project=7&key=support-bot',
    );
  });

  it('says a key unlocks nothing, and leaves the link out without PUBLIC_ORIGIN', () => {
    expect(expiryMessage({ ...key, deployments: [] }, '7d', NOW, undefined)).toBe(
      'Key `support-bot` in project `prod` (id 7) expires in 7 days (2027-01-08 12:00 UTC). ' +
        'It unlocks no deployment yet.',
    );
  });

  it('lets no project name ping a channel or break out of its code span', () => {
    const text = expiryMessage(
      { ...key, projectName: '<!channel> `x` & co' },
      'expired',
      NOW,
      undefined,
    );
    expect(text).toContain("project `&lt;!channel&gt; 'x' &amp; co` (id 7)");
    expect(text).not.toContain('<!channel>');
  });
});
