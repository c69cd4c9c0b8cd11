import type * as z from 'zod/mini';
import type { ParsedBody } from './context';
import { addInvalid, type InvalidFields, SandboxError, validationFailure } from './errors';

const EMPTY_BODY: ParsedBody = { kind: 'empty' };

/** GET and HEAD carry no body (fetch cannot send one); blank is no body at all. */
export async function readBody(request: Request): Promise<ParsedBody> {
  if (request.method === 'GET' || request.method === 'HEAD') return EMPTY_BODY;
  const text = await request.text();
  if (text.trim() === '') return EMPTY_BODY;
  try {
    return { kind: 'json', value: JSON.parse(text) as unknown };
  } catch {
    return { kind: 'invalid', text };
  }
}

/**
 * The body parsed with a zod contract, every broken top-level field named in one 400. `extra`
 * checks what zod cannot (such as "in the future"), on fields zod accepted: one message each.
 */
export function parseBody<S extends z.ZodMiniType>(
  schema: S,
  body: ParsedBody,
  extra: (input: Record<string, unknown>) => InvalidFields = () => ({}),
): z.infer<S> {
  const value = body.kind === 'json' ? body.value : undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const message =
      body.kind === 'json' ? 'Expected a JSON object.' : 'The request body is not valid JSON.';
    // No field to name, so no invalid_fields: the message alone says what is wrong.
    throw new SandboxError(400, `Validation Error: ${message}`);
  }
  const input = value as Record<string, unknown>;
  const result = schema.safeParse(input);
  const invalid: InvalidFields = {};
  for (const issue of result.error?.issues ?? []) {
    // A strict contract's unknown keys arrive as one issue; each is named as its own field.
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [issue.path[0]];
    for (const key of keys) {
      const field = typeof key === 'string' ? key : 'non_field_errors';
      addInvalid(invalid, field, describeIssue(issue, input));
    }
  }
  for (const [field, messages] of Object.entries(extra(input))) {
    if (!invalid[field]) messages.forEach((message) => addInvalid(invalid, field, message));
  }
  if (!result.success || Object.keys(invalid).length > 0) throw validationFailure(invalid);
  return result.data;
}

function describeIssue(issue: z.core.$ZodIssue, input: Record<string, unknown>): string {
  const [field, index] = issue.path;
  if (issue.code === 'unrecognized_keys') return 'Unknown field.';
  if (typeof field === 'string' && issue.path.length === 1 && input[field] === undefined) {
    return 'This field is required.';
  }
  // zod's stock message for a wrong type is a bare "Invalid input"; say what was expected.
  const message =
    issue.code === 'invalid_type' && issue.message === 'Invalid input'
      ? `Expected ${issue.expected}.`
      : issue.message;
  if (typeof field !== 'string' || typeof index !== 'number') return message;
  const list = input[field];
  const item = Array.isArray(list) ? JSON.stringify(list[index]) : undefined;
  return `Item ${index}${item === undefined ? '' : ` (${item})`}: ${message}`;
}

/** The Decision on expires_at: unparsable, or not strictly in the future, is a 400. */
export function expiresAtProblems(input: Record<string, unknown>, now: Date): InvalidFields {
  const value = input.expires_at;
  if (typeof value !== 'string') return {};
  const instant = Date.parse(value);
  if (Number.isNaN(instant)) return { expires_at: ['Not a valid date and time.'] };
  if (instant <= now.getTime()) return { expires_at: ['Expiration date must be in the future.'] };
  return {};
}
