import * as z from 'zod/mini';
import type { UpdateApiKeyInput } from '../api/api-key-schemas';
import type { GenerationCapabilities, KeyChanges, KeyRecord } from '../api/key-model';
import {
  apiKeyFormSchema,
  V2_FORM_RULES,
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
  rules: Pick<FormRules, 'descriptionMaxLength'> = V2_FORM_RULES,
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
 * Form values → the body of PATCH /cloud/v2/inference/api_keys/{key_id}, holding only what the
 * user changed: an omitted field is left alone, so an untouched past expiry is never re-sent
 * (the API would refuse it). `{}` means there is nothing to save.
 */
export function toUpdateApiKeyInput(
  initial: CreateApiKeyFormValues,
  values: CreateApiKeyFormValues,
  now: Date,
): UpdateApiKeyInput {
  const input: UpdateApiKeyInput = {};
  const description = toApiDescription(values.description);
  if (description !== toApiDescription(initial.description)) input.description = description;
  if (expiryChanged(initial, values)) input.expires_at = toApiExpiresAt(values, now);
  if (!sameSet(initial.instanceIds, values.instanceIds)) {
    input.inference_instance_ids = [...values.instanceIds];
  }
  return input;
}

/**
 * Form values → the generation-neutral changes the adapter sends: only what the user changed,
 * and only what the generation changes on the key itself. Without an editable expiry the
 * expiry is never sent; where binding is by task (v3), bindings are not a change of the key
 * (the edit dialog runs them as deployment jobs after the key's PATCH instead).
 */
export function toKeyChanges(
  initial: CreateApiKeyFormValues,
  values: CreateApiKeyFormValues,
  now: Date,
  capabilities: Pick<GenerationCapabilities, 'expiryEditable' | 'bindingByTask'>,
): KeyChanges {
  const input = toUpdateApiKeyInput(initial, values, now);
  const changes: KeyChanges = {};
  if (input.description !== undefined) changes.description = input.description;
  if (capabilities.expiryEditable && input.expires_at !== undefined) {
    changes.expiresAt = input.expires_at;
  }
  if (!capabilities.bindingByTask && input.inference_instance_ids) {
    changes.deploymentRefs = input.inference_instance_ids;
  }
  return changes;
}

/** The deployments the user's edit adds and removes, as `DeploymentRecord.ref`s. */
export function bindingsDiff(initial: CreateApiKeyFormValues, values: CreateApiKeyFormValues) {
  const before = new Set(initial.instanceIds);
  const after = new Set(values.instanceIds);
  return {
    added: values.instanceIds.filter((ref) => !before.has(ref)),
    removed: initial.instanceIds.filter((ref) => !after.has(ref)),
  };
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
