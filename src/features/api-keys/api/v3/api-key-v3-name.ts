import * as z from 'zod/mini';
import { lazySchema } from '../../../../lib/lazy-schema';
import { describeBadCharacter } from '../describe-bad-character';

/**
 * v3 addresses a key by its name in the URL, and the path pattern has no dots although the create
 * pattern has them: a dotted key could be created and never addressed again. Decision (shared
 * contract notes): the client accepts only what the path accepts.
 */
export const V3_API_KEY_NAME_PATTERN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
export const V3_API_KEY_NAME_MIN_LENGTH = 4;
export const V3_API_KEY_NAME_MAX_LENGTH = 63;

/** Says precisely what is wrong with a v3 key name, or null when it is valid. */
export function describeV3ApiKeyNameProblem(name: string): string | null {
  if (name.length === 0) return 'Enter a name for the key.';
  if (name.length < V3_API_KEY_NAME_MIN_LENGTH) {
    return `Use at least ${V3_API_KEY_NAME_MIN_LENGTH} characters (this one has ${name.length}).`;
  }
  if (name.length > V3_API_KEY_NAME_MAX_LENGTH) {
    return `Use at most ${V3_API_KEY_NAME_MAX_LENGTH} characters (this one has ${name.length}).`;
  }
  if (V3_API_KEY_NAME_PATTERN.test(name)) return null;
  // The rule is said in v3's own terms: v2's wording would offer a character v3 refuses.
  const character = describeBadCharacter(name, /[a-z0-9-]/, 'a–z, 0–9 and hyphens');
  if (character) return character;
  if (!/^[a-z0-9]/.test(name)) return 'Start the name with a letter or digit.';
  return 'End the name with a letter or digit.';
}

export const v3ApiKeyNameSchema = lazySchema(() =>
  z.string().check(
    z.superRefine((name, ctx) => {
      const problem = describeV3ApiKeyNameProblem(name);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, input: name });
    }),
  ),
);
