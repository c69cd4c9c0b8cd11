import { isApiError } from '../../../lib/api-error';
import type { RootError } from '../model/map-create-error';

/** A failed DELETE in words the user can act on; `name` is the key's. */
export function describeDeleteError(cause: unknown, name: string): RootError {
  if (!isApiError(cause)) return { message: String(cause), requestId: null, retryable: false };
  if (cause.status === 409) {
    // The API's own words name the deployment; ours say what it means and what to do.
    const message =
      `The key ${name} cannot be deleted while a deployment still accepts it, and the API says ` +
      `one does (it was probably attached after this list was loaded). Detach it first. ` +
      `The API said: ${cause.message}`;
    return { message, requestId: cause.requestId, retryable: false };
  }
  // Deleting again is safe: if the first attempt went through, the second answers 404.
  const message = cause.outcomeUnknown
    ? `${cause.message} The key may or may not have been deleted; deleting again is safe.`
    : cause.message;
  return { message, requestId: cause.requestId, retryable: false };
}
