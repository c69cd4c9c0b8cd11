import { describe, expect, it } from 'vitest';
import { secretBox } from './secret-box';

describe('secretBox', () => {
  it('gives the secret until wiped, then nothing', () => {
    const box = secretBox('s3cr3t');
    expect(box.read()).toBe('s3cr3t');
    box.wipe();
    expect(box.read()).toBe('');
    expect(JSON.stringify(box) + String(Object.values(box))).not.toContain('s3cr3t');
  });
});
