import { afterEach, describe, expect, it } from 'vitest';
import { createApiKeyInputSchema } from '../api/api-key-schemas';
import type { CreateApiKeyFormValues } from './create-api-key-form-schema';
import { toCreateApiKeyV2Input } from '../api/v2/api-key-v2-adapter';
import { toNewKey } from './to-create-api-key-input';

const ORIGINAL_TZ = process.env.TZ;
afterEach(() => {
  process.env.TZ = ORIGINAL_TZ;
});

const base: CreateApiKeyFormValues = {
  name: 'ci-bot',
  description: '',
  projectId: '42',
  instanceIds: ['3fa85f64-5717-4562-b3fc-2c963f66afa6'],
  expiryPreset: '30d',
  expiryCustom: '',
};
const now = new Date('2026-11-28T16:33:41.500Z');

describe('toNewKey', () => {
  it('builds the new key, and from it the v2 body the contract accepts', () => {
    process.env.TZ = 'UTC';
    const key = toNewKey(base, now);
    expect(key).toEqual({
      name: 'ci-bot',
      description: null,
      expiresAt: '2026-12-28T16:33:41Z',
      deploymentRefs: ['3fa85f64-5717-4562-b3fc-2c963f66afa6'],
    });
    const input = toCreateApiKeyV2Input(Number(base.projectId), key);
    expect(input).toEqual({
      name: 'ci-bot',
      description: null,
      expires_at: '2026-12-28T16:33:41Z',
      inference_instance_ids: ['3fa85f64-5717-4562-b3fc-2c963f66afa6'],
      project_id: 42,
    });
    expect(createApiKeyInputSchema.safeParse(input).success).toBe(true);
  });

  it('sends null for Never and keeps a non-empty description as typed', () => {
    const input = toNewKey({ ...base, expiryPreset: 'never', description: ' For CI ' }, now);
    expect(input.expiresAt).toBeNull();
    expect(input.description).toBe(' For CI ');
  });

  it('treats a whitespace-only description as none', () => {
    expect(toNewKey({ ...base, description: '  \n ' }, now).description).toBeNull();
  });

  it('sends an empty array when no instance is chosen, and never shares the form array', () => {
    const values = { ...base, instanceIds: [] };
    const input = toNewKey(values, now);
    expect(input.deploymentRefs).toEqual([]);
    expect(input.deploymentRefs).not.toBe(values.instanceIds);
  });

  it.each([
    ['Asia/Kolkata', '2027-03-01T09:00', '2027-03-01T03:30:00Z'],
    ['America/Los_Angeles', '2027-03-14T03:30', '2027-03-14T10:30:00Z'], // just after the spring gap
    ['Europe/London', '2027-10-31T01:30', '2027-10-31T00:30:00Z'], // the repeated hour: first one
    ['Australia/Lord_Howe', '2027-01-10T12:00', '2027-01-10T01:00:00Z'], // +11 in summer
    ['Pacific/Chatham', '2027-06-10T12:00', '2027-06-09T23:15:00Z'], // +12:45
  ])('in %s sends custom %s as %s', (zone, custom, expected) => {
    process.env.TZ = zone;
    const input = toNewKey({ ...base, expiryPreset: 'custom', expiryCustom: custom }, now);
    expect(input.expiresAt).toBe(expected);
  });

  it('refuses a custom value that is not a date rather than sending garbage', () => {
    expect(() =>
      toNewKey({ ...base, expiryPreset: 'custom', expiryCustom: 'soon' }, now),
    ).toThrow();
  });
});
