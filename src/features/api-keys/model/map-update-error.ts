import type { ApiError } from '../../../lib/api-error';
import { readAuthMode, type AuthMode } from '../../auth/auth-mode';
import type { CreateApiKeyFormValues } from './create-api-key-form-schema';
import { mapCreateError, notSent, type MappedError } from './map-create-error';

/**
 * Places a PATCH's errors the way the create form places a POST's: field errors (400),
 * token (401/403), rate-limit and cancel messages come from `mapCreateError`. The cases where its
 * wording is about a key being created (an unknown outcome, 404, 409) get an update's own words here.
 */
export function mapUpdateError(
  error: ApiError,
  values: CreateApiKeyFormValues,
  mode: AuthMode = readAuthMode(),
): MappedError {
  const root = (message: string, retryable = false): MappedError => ({
    fields: {},
    root: { message, requestId: error.requestId, retryable },
  });
  if (error.neverSent) return notSent(error, 'saved');
  if (error.kind === 'invalid-response') {
    return root(`${error.message} The changes may have been saved: reopen the key to check.`);
  }
  if (error.outcomeUnknown) {
    // A PATCH sets values rather than adding anything, so sending it again cannot do harm.
    return root(
      `${error.message} The changes may or may not have been saved. Saving again is safe.`,
      true,
    );
  }
  if (error.kind !== 'http') return mapCreateError(error, values, mode);

  switch (error.status) {
    case 400:
      return withNameOnRoot(mapCreateError(error, values, mode), error);
    case 401:
    case 403:
    case 429:
      // The plain 401/403 words (operator detail behind a disclosure) are the same for any write.
      return mapCreateError(error, values, mode);
    case 404:
      return isAboutInstances(error.message, values)
        ? { fields: { instanceIds: error.message }, root: null }
        : root(
            `This key no longer exists (${error.message}). It may have been deleted: close this dialog to see the current list.`,
          );
    default:
      return root(error.message);
  }
}

function isAboutInstances(message: string, values: CreateApiKeyFormValues): boolean {
  return (
    /instance|deployment/i.test(message) || values.instanceIds.some((id) => message.includes(id))
  );
}

/** Name cannot change and has no input to carry an error, so an error about it goes on top. */
function withNameOnRoot(mapped: MappedError, error: ApiError): MappedError {
  const { name, ...fields } = mapped.fields;
  if (name === undefined) return mapped;
  const message = [mapped.root?.message, `The API rejected name: ${name}`]
    .filter(Boolean)
    .join('; ');
  return { fields, root: { message, requestId: error.requestId, retryable: false } };
}
