import { afterEach, describe, expect, it } from 'vitest';
import type { KeyRecord } from '../api/key-model';
import { keysAdapterV2 } from '../api/v2/api-key-v2-adapter';
import type { CreateApiKeyFormValues } from './create-api-key-form-schema';
import { editApiKeyFormSchema, toEditFormValues, toKeyEdit } from './edit-api-key-form';

const ORIGINAL_TZ = process.env.TZ;
afterEach(() => {
  process.env.TZ = ORIGINAL_TZ;
});

const A = '3fa85f64-5717-4562-b3fc-2c963f66afa6';
const B = 'a1b2c3d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const now = new Date('2026-11-28T16:33:41.500Z');

const key: KeyRecord = {
  id: '5f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0',
  name: 'ci-bot',
  status: 'ACTIVE',
  createdAt: '2026-01-01T00:00:00Z',
  description: 'For CI',
  expiresAt: '2026-12-01T04:30:00Z',
  deploymentRefs: [A, B],
};

describe('toEditFormValues', () => {
  it('shows an expiry as a custom date in the local zone', () => {
    process.env.TZ = 'Asia/Kolkata';
    expect(toEditFormValues(key, 7)).toEqual({
      name: 'ci-bot',
      description: 'For CI',
      projectId: '7',
      instanceIds: [A, B],
      expiryPreset: 'custom',
      expiryCustom: '2026-12-01T10:00',
    });
  });

  it('shows no expiry as Never and no description as empty', () => {
    const values = toEditFormValues({ ...key, expiresAt: null, description: null }, 7);
    expect(values).toMatchObject({ expiryPreset: 'never', expiryCustom: '', description: '' });
  });
});

describe('toKeyEdit: what the user changed, in the one key model', () => {
  const initial = toEditFormValues(key, 7);
  const edit = (change: Partial<CreateApiKeyFormValues>) =>
    toKeyEdit(initial, { ...initial, ...change }, now);

  it('is empty when nothing changed', () => {
    expect(edit({})).toEqual({});
  });

  it('sends only the description when only it changed, and never the name', () => {
    const input = edit({ description: 'For the nightly job', name: 'renamed' });
    expect(input).toEqual({ description: 'For the nightly job' });
  });

  it('clears a description emptied or left as whitespace with null', () => {
    expect(edit({ description: '' })).toEqual({ description: null });
    expect(edit({ description: '  \n ' })).toEqual({ description: null });
  });

  it('does not count whitespace over no description as a change', () => {
    const blank = { ...initial, description: '' };
    expect(toKeyEdit(blank, { ...blank, description: '   ' }, now)).toEqual({});
  });

  it('compares instances as sets', () => {
    expect(edit({ instanceIds: [B, A] })).toEqual({});
    expect(edit({ instanceIds: [B] })).toEqual({ deploymentRefs: [B] });
    expect(edit({ instanceIds: [] })).toEqual({ deploymentRefs: [] });
  });

  it('sends null when the expiry becomes Never', () => {
    expect(edit({ expiryPreset: 'never' })).toEqual({ expiresAt: null });
  });

  it('sends a changed custom expiry as a UTC instant', () => {
    process.env.TZ = 'Asia/Kolkata';
    expect(edit({ expiryCustom: '2027-03-01T09:00' })).toEqual({
      expiresAt: '2027-03-01T03:30:00Z',
    });
  });

  it('always sends a relative preset, counted from now', () => {
    process.env.TZ = 'UTC';
    const never = { ...initial, expiryPreset: 'never' as const, expiryCustom: '' };
    expect(toKeyEdit(never, { ...never, expiryPreset: '30d' }, now)).toEqual({
      expiresAt: '2026-12-28T16:33:41Z',
    });
    // Even when the starting values already said "30 days": that meant 30 days from then.
    const thirty = { ...never, expiryPreset: '30d' as const };
    expect(toKeyEdit(thirty, thirty, now)).toEqual({
      expiresAt: '2026-12-28T16:33:41Z',
    });
  });

  it('leaves an unchanged Never alone', () => {
    const never = { ...initial, expiryPreset: 'never' as const, expiryCustom: '' };
    expect(toKeyEdit(never, never, now)).toEqual({});
  });
});

describe('editApiKeyFormSchema', () => {
  // The key expired in January 2025; "now" is late 2026.
  const expired = toEditFormValues({ ...key, expiresAt: '2025-01-31T00:00:00Z' }, 7);
  const schema = editApiKeyFormSchema(expired, () => now, keysAdapterV2.capabilities);

  it('accepts an unchanged past expiry, so other fields can still be saved', () => {
    expect(schema.safeParse({ ...expired, description: 'new words' }).success).toBe(true);
  });

  it('rejects a newly typed past expiry on the date field', () => {
    const result = schema.safeParse({ ...expired, expiryCustom: '2025-06-01T10:00' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      path: ['expiryCustom'],
      message: expect.stringMatching(/at least a minute from now/),
    });
  });

  it('rejects a custom expiry chosen anew but left empty', () => {
    const never = { ...expired, expiryPreset: 'never' as const, expiryCustom: '' };
    const result = editApiKeyFormSchema(never, () => now, keysAdapterV2.capabilities).safeParse({
      ...never,
      expiryPreset: 'custom',
    });
    expect(result.error?.issues[0]?.message).toMatch(/Pick a date and time/);
  });

  it('does not check the name, which is not sent', () => {
    expect(schema.safeParse({ ...expired, name: 'Not A Valid Name' }).success).toBe(true);
  });
});
