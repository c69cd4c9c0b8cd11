import * as z from 'zod/mini';
import type { GenerationCapabilities } from '../api/key-model';
import {
  EXPIRY_PRESETS,
  MIN_EXPIRY_MARGIN_MS,
  parseLocalDateTime,
  type ExpiryPreset,
} from './expiry';
import { formatLocal } from '../../../lib/format-date';

const presetValues = EXPIRY_PRESETS.map((preset) => preset.value) as [
  ExpiryPreset,
  ...ExpiryPreset[],
];

/**
 * What the user types. Kept apart from the API input: `toNewKey` maps it to the
 * generation-neutral new key, and each generation's adapter builds its API body from that.
 */
export type CreateApiKeyFormValues = {
  name: string;
  description: string;
  projectId: string;
  instanceIds: string[];
  expiryPreset: ExpiryPreset;
  expiryCustom: string;
};

/** What the form checks that differs between generations, straight from its capabilities. */
export type FormRules = Pick<
  GenerationCapabilities,
  'describeNameProblem' | 'descriptionMaxLength'
>;

/** The generation's name rule as a schema, with its own words for each problem. */
export const nameSchema = (rules: FormRules) =>
  z.string().check(
    z.superRefine((name, ctx) => {
      const problem = rules.describeNameProblem(name);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, input: name });
    }),
  );

const descriptionSchema = (max: number | null) =>
  max === null
    ? z.string()
    : z.string().check(
        z.refine((text) => text.trim() === '' || text.length <= max, {
          error: (issue) =>
            `Use at most ${max} characters (this one has ${String(issue.input).length}).`,
        }),
      );

type FormSchemaOptions = {
  name: z.ZodMiniType<string, string>;
  descriptionMaxLength: number | null;
  /** Whether the custom expiry must be (re-)checked against the clock for these values. */
  checkExpiry: (values: CreateApiKeyFormValues) => boolean;
  now: () => Date;
};

/** One set of rules for the create and the edit forms; they differ only in the options. */
export function apiKeyFormSchema({
  name,
  descriptionMaxLength,
  checkExpiry,
  now,
}: FormSchemaOptions) {
  return z
    .object({
      name,
      description: descriptionSchema(descriptionMaxLength),
      projectId: z.string().check(z.regex(/^\d+$/, 'Choose a project.')),
      instanceIds: z.array(z.string()),
      expiryPreset: z.enum(presetValues, 'Choose when the key expires.'),
      expiryCustom: z.string(),
    })
    .check(
      z.superRefine((values, ctx) => {
        if (values.expiryPreset !== 'custom' || !checkExpiry(values)) return;
        const problem = describeCustomExpiryProblem(values.expiryCustom, now());
        if (problem) {
          ctx.addIssue({ code: 'custom', message: problem, path: ['expiryCustom'], input: values });
        }
      }),
    );
}

/**
 * The form's rules are the active generation's rules (name, description length), plus the expiry
 * margin. `now` is read at validation time, so the margin is re-checked on submit.
 */
export function createApiKeyFormSchema(now: () => Date = () => new Date(), rules: FormRules) {
  return apiKeyFormSchema({
    name: nameSchema(rules),
    descriptionMaxLength: rules.descriptionMaxLength,
    checkExpiry: () => true,
    now,
  });
}

/** The last second ISO 8601 writes with a four-digit year; later ones become `+010000-…`. */
const LATEST_EXPIRY_MS = Date.UTC(9999, 11, 31, 23, 59, 59);

export function describeCustomExpiryProblem(value: string, now: Date): string | null {
  if (value === '') return 'Pick a date and time, or choose another expiration.';
  const at = parseLocalDateTime(value);
  if (!at) return 'Enter a complete, real date and time.';
  if (at.getTime() > LATEST_EXPIRY_MS) return 'Pick a date before the year 10000.';
  if (at.getTime() - now.getTime() < MIN_EXPIRY_MARGIN_MS) {
    return `Pick a time at least a minute from now (it is ${formatLocal(now)}).`;
  }
  return null;
}
