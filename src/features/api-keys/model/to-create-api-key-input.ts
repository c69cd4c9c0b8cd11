import type { CreateApiKeyInput } from '../api/api-key-schemas';
import type { CreateApiKeyFormValues } from './create-api-key-form-schema';
import { resolveExpiry, toUtcIso } from './expiry';

/**
 * Form values → the body of POST /cloud/v2/inference/api_keys. Pure: `now` is passed in so
 * presets resolve against the moment of submission.
 */
export function toCreateApiKeyInput(values: CreateApiKeyFormValues, now: Date): CreateApiKeyInput {
  const expiresAt = resolveExpiry(
    { preset: values.expiryPreset, custom: values.expiryCustom },
    now,
  );
  if (expiresAt === undefined) {
    // The form schema rules this out; reaching here is a programming error, not user input.
    throw new Error('toCreateApiKeyInput: the custom expiry is not a valid date and time');
  }
  return {
    name: values.name,
    description: values.description.trim() === '' ? null : values.description,
    expires_at: expiresAt === null ? null : toUtcIso(expiresAt),
    inference_instance_ids: [...values.instanceIds],
    project_id: Number(values.projectId),
  };
}
