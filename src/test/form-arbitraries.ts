import fc from 'fast-check';
import type { ApiKey } from '../features/api-keys/api/api-key-schemas';
import { toKeyRecordV2 } from '../features/api-keys/api/v2/api-key-v2-adapter';
import { EXPIRY_PRESETS, type ExpiryPreset } from '../features/api-keys/model/expiry';

/** Arbitraries for the API-key form: what a user can type or pick, and then some. */

const PRESETS = EXPIRY_PRESETS.map((p) => p.value);
const DAY = 86_400_000;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');
/** A `datetime-local` value for an instant, in the process's zone. */
export const localStamp = (d: Date, seconds: boolean) =>
  `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` +
  `T${pad(d.getHours())}:${pad(d.getMinutes())}${seconds ? `:${pad(d.getSeconds())}` : ''}`;

export const nowArb = fc.date({
  min: new Date('2000-01-01Z'),
  max: new Date('2100-01-01Z'),
  noInvalidDate: true,
});
export const presetArb = fc.constantFrom<ExpiryPreset>(...PRESETS);
/** A custom expiry: any text, or an offset from the moment of submission, resolved per run. */
export type RawCustom = string | { offsetMs: number; seconds: boolean };
export const customArb: fc.Arbitrary<RawCustom> = fc.oneof(
  fc.string(),
  fc.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/),
  fc.constantFrom(
    '9999-12-31T23:59',
    '9999-12-31T23:59:59',
    '0050-06-01T12:00',
    '2028-02-29T10:00',
  ),
  fc.record({ offsetMs: fc.integer({ min: -DAY, max: 300 * 365 * DAY }), seconds: fc.boolean() }),
  // Right at the one-minute margin.
  fc.record({ offsetMs: fc.integer({ min: 55_000, max: 65_000 }), seconds: fc.constant(true) }),
);
const resolveCustom = (custom: RawCustom, now: Date) =>
  typeof custom === 'string'
    ? custom
    : localStamp(new Date(now.getTime() + custom.offsetMs), custom.seconds);
export const valuesArb = <P extends string>(preset: fc.Arbitrary<P>) =>
  fc.record({
    name: fc.oneof(fc.string(), fc.stringMatching(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/)),
    description: fc.string({ unit: 'grapheme' }),
    // The UI fills these two from the API (a project's integer id, deployments' UUIDs), never
    // from typing. Free text here would only model an API that broke its own spec.
    projectId: fc.oneof(fc.string(), fc.nat().map(String), fc.constantFrom('007', '')),
    instanceIds: fc.array(
      fc.oneof(
        fc.uuid(),
        fc.uuid().map((id) => id.toUpperCase()),
      ),
      { maxLength: 3 },
    ),
    expiryPreset: preset,
    expiryCustom: customArb,
  });
export const withNow = <V extends { expiryCustom: RawCustom }>(
  values: V,
  now: Date,
): Omit<V, 'expiryCustom'> & { expiryCustom: string } => ({
  ...values,
  expiryCustom: resolveCustom(values.expiryCustom, now),
});
export const keyArb = fc
  .record({
    key_id: fc.uuid(),
    name: fc.string(),
    status: fc.constantFrom('ACTIVE', 'EXPIRED'),
    created_at: fc.constant('2024-01-01T00:00:00Z'),
    description: fc.option(fc.string()),
    expires_at: fc.option(
      fc.oneof(
        fc.string(),
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      ),
    ),
    inference_instance_ids: fc.array(fc.uuid(), { maxLength: 3 }),
    project_id: fc.option(fc.nat()),
  })
  .map((key: ApiKey) => toKeyRecordV2(key));
