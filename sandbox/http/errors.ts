import type { Handler } from 'hono';
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

/** Gcore's error body; invalid_fields only when a field is to blame. */
export function errorBody(error: SandboxError, requestId: string) {
  return {
    exception_class: error.exceptionClass,
    message: error.message,
    request_id: requestId,
    ...(error.invalidFields ? { invalid_fields: error.invalidFields } : {}),
  };
}

export function notFoundFailure(message: string): SandboxError {
  return new SandboxError(404, 'NotFoundError', message);
}

/** Gcore's message is the Python repr of invalid_fields: `Validation Error: {'name': ['...']}`. */
function validationMessage(invalidFields: InvalidFields): string {
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

/** Registered after a path's real methods, so it only answers the methods the path lacks. */
export const methodNotAllowed: Handler = (c) => {
  throw new SandboxError(405, 'HTTPError', `Method "${c.req.method}" not allowed.`);
};
