import * as z from 'zod/mini';
import { lazySchema } from '../../../../lib/lazy-schema';
import { describeBadCharacter } from '../describe-bad-character';

// Straight from the spec's ApiKeyInSerializer.name: dot-separated DNS labels.
export const API_KEY_NAME_PATTERN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
export const API_KEY_NAME_MAX_LENGTH = 200;

export const API_KEY_NAME_RULE =
  'Up to 200 characters: lower-case letters a–z, digits, hyphens (-) and dots (.). ' +
  'Start and end with a letter or digit; a dot must sit between letters or digits.';

/**
 * Says precisely what is wrong with a name the pattern rejects, so the user can fix it without
 * re-reading the whole rule. Returns null for a valid name.
 */
export function describeApiKeyNameProblem(name: string): string | null {
  if (name.length === 0) return 'Enter a name for the key.';
  if (name.length > API_KEY_NAME_MAX_LENGTH) {
    return `Use at most ${API_KEY_NAME_MAX_LENGTH} characters (this one has ${name.length}).`;
  }
  if (API_KEY_NAME_PATTERN.test(name)) return null;
  const character = describeBadCharacter(name, /[a-z0-9.-]/, 'a–z, 0–9, hyphens and dots');
  if (character) return character;
  if (!/^[a-z0-9]/.test(name)) return 'Start the name with a letter or digit.';
  if (!/[a-z0-9]$/.test(name)) return 'End the name with a letter or digit.';
  if (name.includes('..')) return 'Put letters or digits between dots (no “..”).';
  return 'A hyphen cannot stand next to a dot: put letters or digits on both sides of each dot.';
}

export const apiKeyNameSchema = lazySchema(() =>
  z.string().check(
    z.superRefine((name, ctx) => {
      const problem = describeApiKeyNameProblem(name);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, input: name });
    }),
  ),
);
