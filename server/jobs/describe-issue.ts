/** A zod issue as zod/mini reports it: without a locale its `message` is only "Invalid input". */
export type Issue = {
  code?: string;
  path: readonly PropertyKey[];
  message: string;
  keys?: string[];
  values?: readonly unknown[];
  expected?: string;
  origin?: string;
  format?: string;
  minimum?: unknown;
  maximum?: unknown;
};

const GENERIC = 'Invalid input';
const UNITS: Record<string, string> = { string: 'characters', array: 'items' };
const KINDS: Record<string, string> = {
  int: 'a whole number',
  number: 'a number',
  string: 'text',
  array: 'a list',
  object: 'a JSON object',
};

/**
 * One sentence naming the field and what it must be (`deployments.2 must have at most 63
 * characters.`), so a caller knows what to change without reading the contract.
 */
export function describeIssue(issue: Issue): string {
  const field = issue.path.map(String).join('.') || 'The body';
  const unit = UNITS[issue.origin ?? ''];
  switch (issue.code) {
    case 'unrecognized_keys':
      return `Unknown field${(issue.keys?.length ?? 0) > 1 ? 's' : ''}: ${issue.keys?.join(', ')}.`;
    case 'invalid_type':
      return `${field} is missing or is not ${KINDS[issue.expected ?? ''] ?? issue.expected}.`;
    case 'invalid_value':
      return `${field} must be one of: ${issue.values?.map(String).join(', ')}.`;
    case 'invalid_format':
      if (issue.format === 'datetime') {
        return `${field} must be a UTC date and time such as 2026-05-01T12:00:00Z.`;
      }
      return issue.message === GENERIC ? `${field} is not valid.` : `${field}: ${issue.message}`;
    case 'too_small':
      return unit
        ? `${field} must have at least ${String(issue.minimum)} ${unit}.`
        : `${field} must be greater than ${String(issue.minimum)}.`;
    case 'too_big':
      return unit
        ? `${field} must have at most ${String(issue.maximum)} ${unit}.`
        : `${field} must be at most ${String(issue.maximum)}.`;
    case 'not_multiple_of':
      return `${field} must be a whole number.`;
    default:
      return issue.message === 'Invalid input'
        ? `${field} is invalid.`
        : `${field}: ${issue.message}`;
  }
}
