import type { Handler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export type InvalidFields = Record<string, string[]>;

/** Gcore's exception_class for each status it answers; any other is an HTTPError. */
const EXCEPTION_CLASSES: Partial<Record<number, string>> = {
  400: 'ValidationError',
  401: 'NotAuthenticated',
  403: 'ForbiddenError',
  404: 'NotFoundError',
  409: 'ConflictError',
};
export const exceptionClassOf = (status: number) => EXCEPTION_CLASSES[status] ?? 'HTTPError';

/** Thrown anywhere and answered by the app's onError, so helpers need no Context to fail. */
export class SandboxError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
    readonly invalidFields?: InvalidFields,
    readonly exceptionClass = exceptionClassOf(status),
  ) {
    super(message);
  }
}

/** `<what> not found [in project <id>].`, Gcore's 404 wording. */
export function notFound(what: string, projectId?: number): SandboxError {
  const where = projectId === undefined ? '' : ` in project ${projectId}`;
  return new SandboxError(404, `${what} not found${where}.`);
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

/** Gcore's message is the Python repr of invalid_fields: `Validation Error: {'name': ['...']}`. */
export function validationFailure(invalidFields: InvalidFields): SandboxError {
  const entries = Object.entries(invalidFields).map(
    ([field, messages]) => `${pyRepr(field)}: [${messages.map(pyRepr).join(', ')}]`,
  );
  return new SandboxError(400, `Validation Error: {${entries.join(', ')}}`, invalidFields);
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
  throw new SandboxError(405, `Method "${c.req.method}" not allowed.`);
};
