import type { ContentfulStatusCode } from 'hono/utils/http-status';

export type InvalidFields = Record<string, string[]>;

/**
 * Thrown anywhere in a handler (or a helper it calls) and turned into Gcore's error body by the
 * app's onError, so helpers can fail without threading a Context through every call.
 */
export class SandboxError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly exceptionClass: string,
    message: string,
    readonly invalidFields?: InvalidFields,
  ) {
    super(message);
    this.name = 'SandboxError';
  }
}

export function validationFailure(invalidFields: InvalidFields): SandboxError {
  return new SandboxError(400, 'ValidationError', validationMessage(invalidFields), invalidFields);
}

export function notFoundFailure(message: string): SandboxError {
  return new SandboxError(404, 'NotFoundError', message);
}

/** Gcore's message is the Python repr of invalid_fields: `Validation Error: {'name': ['...']}`. */
export function validationMessage(invalidFields: InvalidFields): string {
  const entries = Object.entries(invalidFields).map(
    ([field, messages]) => `${pyRepr(field)}: [${messages.map(pyRepr).join(', ')}]`,
  );
  return `Validation Error: {${entries.join(', ')}}`;
}

function pyRepr(text: string): string {
  if (text.includes("'") && !text.includes('"')) return `"${text}"`;
  return `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

/** Adds messages to a field without duplicates, keeping first-seen order. */
export function addInvalid(fields: InvalidFields, field: string, message: string): void {
  const list = (fields[field] ??= []);
  if (!list.includes(message)) list.push(message);
}
