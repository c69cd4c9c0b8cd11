import { ApiError, isApiError } from '../../../lib/api-error';
import type { KeyField } from './key-model';

/** One generation's wire field names → the key model's, for every field the adapter sends. */
export type WireFieldNames = Readonly<Record<string, KeyField>>;

/**
 * The same error, its field errors under the key model's names. A field the table does not know
 * keeps the API's name: shown as it is, it still tells the user (and support) what was refused.
 */
export function inKeyFieldNames(error: unknown, names: WireFieldNames): unknown {
  if (!isApiError(error) || Object.keys(error.invalidFields).length === 0) return error;
  const invalidFields: Record<string, string[]> = {};
  for (const [wireField, messages] of Object.entries(error.invalidFields)) {
    const field = (Object.hasOwn(names, wireField) && names[wireField]) || wireField;
    invalidFields[field] = [...(invalidFields[field] ?? []), ...messages];
  }
  return new ApiError({
    kind: error.kind,
    message: error.message,
    status: error.status,
    exceptionClass: error.exceptionClass,
    requestId: error.requestId,
    invalidFields,
    retryAfterSeconds: error.retryAfterSeconds,
  });
}

/** Runs an adapter's write, any field error it throws renamed by `names`. */
export async function withKeyFieldNames<T>(call: Promise<T>, names: WireFieldNames): Promise<T> {
  try {
    return await call;
  } catch (error) {
    throw inKeyFieldNames(error, names);
  }
}
