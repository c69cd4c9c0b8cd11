import { describe, expect, it } from 'vitest';
import { describeV3ApiKeyNameProblem } from './api-key-v3-name';

describe('describeV3ApiKeyNameProblem', () => {
  it.each([
    ['abcd', null],
    ['ci-deploy-2', null],
    [`a${'b'.repeat(62)}`, null],
    ['', 'Enter a name for the key.'],
    ['abc', 'Use at least 4 characters (this one has 3).'],
    [`a${'b'.repeat(63)}`, 'Use at most 63 characters (this one has 64).'],
    ['prod.app', '“.” is not allowed: use a–z, 0–9 and hyphens.'],
    ['a..b-c', '“.” is not allowed: use a–z, 0–9 and hyphens.'],
    ['My-Key', 'Use lower-case letters only: “M” is upper-case.'],
    ['my key', 'A space is not allowed: use a–z, 0–9 and hyphens.'],
    ['my_key', '“_” is not allowed: use a–z, 0–9 and hyphens.'],
    ['-key', 'Start the name with a letter or digit.'],
    ['key-', 'End the name with a letter or digit.'],
  ])('%j → %j', (name, problem) => {
    expect(describeV3ApiKeyNameProblem(name)).toEqual(problem);
  });

  // v3 forbids dots, so no message may offer them or speak of them as a rule.
  it.each(['prod.app', 'my key', 'my_key', 'My-Key', '-key', 'key-', 'a.', '.a.b', 'x--.y', 'ab'])(
    'never mentions dots for %j',
    (name) => {
      expect(describeV3ApiKeyNameProblem(name)).not.toMatch(/\bdots?\b/i);
    },
  );
});
