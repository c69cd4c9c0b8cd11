import type { NewKey } from '../api/key-model';
import type { CreateApiKeyFormValues } from './create-api-key-form-schema';
import { resolveExpiry, toUtcIso } from './expiry';

/** Form values → the generation-neutral new key the adapter sends. */
export function toNewKey(values: CreateApiKeyFormValues, now: Date): NewKey {
  return {
    name: values.name,
    description: toApiDescription(values.description),
    expiresAt: toApiExpiresAt(values, now),
    deploymentRefs: [...values.instanceIds],
  };
}

/** A blank description is no description. Shared with the edit form's PATCH body. */
export function toApiDescription(text: string): string | null {
  return text.trim() === '' ? null : text;
}

/** The form's expiry choice as the key model's `expiresAt`. Shared with the edit form's changes. */
export function toApiExpiresAt(
  values: Pick<CreateApiKeyFormValues, 'expiryPreset' | 'expiryCustom'>,
  now: Date,
): string | null {
  const expiresAt = resolveExpiry(
    { preset: values.expiryPreset, custom: values.expiryCustom },
    now,
  );
  if (expiresAt === undefined) {
    // The form schema rules this out; reaching here is a programming error, not user input.
    throw new Error('The custom expiry is not a valid date and time.');
  }
  return expiresAt === null ? null : toUtcIso(expiresAt);
}
