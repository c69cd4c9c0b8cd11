import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { validateAgainstSpec } from '../../../../contract/spec-validator';
import { keyArb, nowArb, presetArb, valuesArb, withNow } from '../../../test/form-arbitraries';
import { createApiKeyInputSchema, updateApiKeyInputSchema } from '../api/api-key-schemas';
import {
  keysAdapterV2,
  toCreateApiKeyV2Input,
  toUpdateApiKeyV2Input,
} from '../api/v2/api-key-v2-adapter';
import { createApiKeyFormSchema, type CreateApiKeyFormValues } from './create-api-key-form-schema';
import { editApiKeyFormSchema, toEditFormValues, toKeyEdit } from './edit-api-key-form';
import { toNewKey } from './to-create-api-key-input';

const v2Rules = keysAdapterV2.capabilities;

const ORIGINAL_TZ = process.env.TZ;
afterEach(() => {
  process.env.TZ = ORIGINAL_TZ;
});

// West and east of UTC by up to 14 h: the UTC date of a local one can move a day either way.
const ZONES = ['Asia/Kolkata', 'America/New_York', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];
/** The instant in a sent `expires_at` must be UTC with `Z` and ahead of the moment of submission. */
function expectSendableExpiry(expiresAt: string | null | undefined, now: Date) {
  if (expiresAt === null || expiresAt === undefined) return;
  expect(expiresAt).toMatch(/Z$/);
  expect(Date.parse(expiresAt)).toBeGreaterThan(now.getTime());
}

describe.each(ZONES)('form values → API input in %s', (zone) => {
  it('maps every create form the schema accepts to a body the contract and the spec accept', () => {
    process.env.TZ = zone;
    const arb = fc.tuple(nowArb, valuesArb(fc.oneof(presetArb, fc.string())));
    fc.assert(
      fc.property(arb, ([now, values]) => {
        const raw = withNow(values, now);
        const parsed = createApiKeyFormSchema(() => now, v2Rules).safeParse(raw);
        if (!parsed.success) return;
        const input = toCreateApiKeyV2Input(
          Number(parsed.data.projectId),
          toNewKey(parsed.data, now),
        );
        expect(createApiKeyInputSchema.safeParse(input).error?.issues).toBeUndefined();
        expect(validateAgainstSpec('ApiKeyInSerializer', input)).toEqual([]);
        expectSendableExpiry(input.expires_at, now);
      }),
      { numRuns: 600 },
    );
  });

  it('maps every edit the schema accepts to a PATCH body the contract and the spec accept', () => {
    process.env.TZ = zone;
    const initialArb = fc.oneof(
      fc.tuple(keyArb, fc.nat()).map(([key, projectId]) => ({ key, projectId })),
      valuesArb(presetArb),
    );
    const fields = ['description', 'instanceIds', 'expiryPreset', 'expiryCustom'] as const;
    const arb = fc.tuple(
      nowArb,
      initialArb,
      valuesArb(fc.oneof(presetArb, fc.string())),
      fc.subarray([...fields]),
    );
    fc.assert(
      fc.property(arb, ([now, init, otherValues, changed]) => {
        const initial: CreateApiKeyFormValues =
          'key' in init ? toEditFormValues(init.key, init.projectId) : withNow(init, now);
        const other = withNow(otherValues, now);
        // The user starts from the key's values and changes some fields.
        const raw = { ...initial, ...Object.fromEntries(changed.map((f) => [f, other[f]])) };
        const parsed = editApiKeyFormSchema(initial, () => now, v2Rules).safeParse(raw);
        if (!parsed.success) return;
        const input = toUpdateApiKeyV2Input(toKeyEdit(initial, parsed.data, now));
        expect(updateApiKeyInputSchema.safeParse(input).error?.issues).toBeUndefined();
        expect(validateAgainstSpec('ApiKeyPatchSerializer', input)).toEqual([]);
        expectSendableExpiry(input.expires_at, now);
      }),
      { numRuns: 600 },
    );
  });

  it('accepts enough generated forms for the property to mean something', () => {
    process.env.TZ = zone;
    const sample = fc.sample(fc.tuple(nowArb, valuesArb(presetArb)), { numRuns: 600, seed: 7 });
    const accepted = sample.filter(
      ([now, values]) =>
        createApiKeyFormSchema(() => now, v2Rules).safeParse(withNow(values, now)).success,
    );
    expect(accepted.length).toBeGreaterThan(60);
    expect(accepted.some(([, v]) => v.expiryPreset === 'custom')).toBe(true);
  });
});

describe('the latest expiry the API can be sent', () => {
  const now = new Date('2026-06-01T00:00:00Z');
  const form = (expiryCustom: string) =>
    createApiKeyFormSchema(() => now, v2Rules).safeParse({
      name: 'k',
      description: '',
      projectId: '1',
      instanceIds: [],
      expiryPreset: 'custom',
      expiryCustom,
    });

  // West of UTC the last local evening of 9999 is already year 10000 in UTC, which toISOString
  // writes as "+010000-…": the API (and the contract) refuse it, so the form must, too.
  it('is the last second of 9999 in UTC, wherever the user is', () => {
    process.env.TZ = 'America/New_York';
    expect(form('9999-12-31T18:59:59').success).toBe(true);
    const late = form('9999-12-31T19:00');
    expect(late.error?.issues.map((i) => i.message)).toEqual([
      'Pick a date before the year 10000.',
    ]);
    process.env.TZ = 'Asia/Kolkata';
    expect(form('9999-12-31T23:59:59').success).toBe(true);
  });
});
