// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { resolveApiTarget } from './api-target.ts';

describe('the dev server’s API target', () => {
  it('refuses credentials in GCORE_API_URL at start, without repeating them', async () => {
    const target = resolveApiTarget({ GCORE_API_URL: 'http://u:p4ss@api.example.com' });
    await expect(target).rejects.toThrow(/GCORE_API_URL must not hold credentials/);
    await expect(target).rejects.toThrow(expect.not.stringContaining('p4ss'));
  });

  it('takes the origin of a plain URL', async () => {
    const target = await resolveApiTarget({ GCORE_API_URL: 'https://api.example.com/x' });
    expect(target).toMatchObject({ kind: 'remote', url: 'https://api.example.com' });
  });
});
