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
    ['prod.app', expect.stringMatching(/^Dots are not allowed/)],
    ['My-Key', 'Use lower-case letters only: “M” is upper-case.'],
    ['my key', 'A space is not allowed: use a–z, 0–9, hyphens and dots.'],
    ['-key', 'Start the name with a letter or digit.'],
    ['key-', 'End the name with a letter or digit.'],
  ])('%j → %j', (name, problem) => {
    expect(describeV3ApiKeyNameProblem(name)).toEqual(problem);
  });
});
