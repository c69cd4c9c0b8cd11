import * as z from 'zod/mini';
import type { KeyChanges, KeyRecord } from '../api/key-model';
import {
  apiKeyFormSchema,
  type CreateApiKeyFormValues,
  type FormRules,
} from './create-api-key-form-schema';
import { toLocalInputValue } from './expiry';
import { toApiDescription, toApiExpiresAt } from './to-create-api-key-input';

/**
 * The key as the create form's values, so the edit dialog reuses its fields. An expiry shows as
 * a custom date in the local zone (to the minute: `datetime-local` has no seconds by default).
 */
export function toEditFormValues(key: KeyRecord, projectId: number): CreateApiKeyFormValues {
  const expiresAt = key.expiresAt === null ? null : new Date(key.expiresAt);
  return {
    name: key.name,
    description: key.description ?? '',
    projectId: String(projectId),
    instanceIds: [...key.deploymentRefs],
    expiryPreset: expiresAt === null ? 'never' : 'custom',
    expiryCustom:
      expiresAt === null || Number.isNaN(expiresAt.getTime()) ? '' : toLocalInputValue(expiresAt),
  };
}

/**
 * The create form's rules, less the name (it cannot change, so it is never sent). An expiry the
 * user left as it was is not checked either: it is not sent, and an already-expired key must
 * still accept other changes.
 */
export function editApiKeyFormSchema(
  initial: CreateApiKeyFormValues,
  now: () => Date = () => new Date(),
  rules: Pick<FormRules, 'descriptionMaxLength'>,
) {
  // Name is shown, not sent; an untouched custom expiry is not re-checked.
  return apiKeyFormSchema({
    name: z.string(),
    descriptionMaxLength: rules.descriptionMaxLength,
    checkExpiry: (values) => expiryChanged(initial, values),
    now,
  });
}

/**
 * Form values → what the user changed, in the one key model: an omitted field is left alone, so
 * an untouched past expiry is never re-sent (the API would refuse it). `{}`: nothing changed.
 * Which of it reaches the key, and how, is the adapter's plan (`planEdit`).
 */
export function toKeyEdit(
  initial: CreateApiKeyFormValues,
  values: CreateApiKeyFormValues,
  now: Date,
): KeyChanges {
  const edit: KeyChanges = {};
  const description = toApiDescription(values.description);
  if (description !== toApiDescription(initial.description)) edit.description = description;
  if (expiryChanged(initial, values)) edit.expiresAt = toApiExpiresAt(values, now);
  if (!sameSet(initial.instanceIds, values.instanceIds)) {
    edit.deploymentRefs = [...values.instanceIds];
  }
  return edit;
}

/** A relative preset ("30 days") means "from now", so choosing one is always a change. */
function expiryChanged(initial: CreateApiKeyFormValues, values: CreateApiKeyFormValues): boolean {
  if (values.expiryPreset !== initial.expiryPreset) return true;
  if (values.expiryPreset === 'custom') return values.expiryCustom !== initial.expiryCustom;
  return values.expiryPreset !== 'never';
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((id) => right.has(id));
}
