import { describe, expect, it } from 'vitest';
import { API_KEY_NAME_PATTERN, apiKeyNameSchema, describeApiKeyNameProblem } from './api-key-name';

describe('API key name rule', () => {
  it.each(['a', 'my-key', 'key.v2', '0', 'a1-b2.c3', 'x'.repeat(200)])('accepts %j', (name) => {
    expect(apiKeyNameSchema.safeParse(name).success).toBe(true);
  });

  it.each([
    ['', 'Enter a name for the key.'],
    ['x'.repeat(201), 'Use at most 200 characters (this one has 201).'],
    ['My-key', 'Use lower-case letters only: “M” is upper-case.'],
    ['my key', 'A space is not allowed: use a–z, 0–9, hyphens and dots.'],
    ['my_key', '“_” is not allowed: use a–z, 0–9, hyphens and dots.'],
    ['-key', 'Start the name with a letter or digit.'],
    ['.key', 'Start the name with a letter or digit.'],
    ['key-', 'End the name with a letter or digit.'],
    ['key.', 'End the name with a letter or digit.'],
    ['a..b', 'Put letters or digits between dots (no “..”).'],
    [
      'a-.b',
      'A hyphen cannot stand next to a dot: put letters or digits on both sides of each dot.',
    ],
    [
      'a.-b',
      'A hyphen cannot stand next to a dot: put letters or digits on both sides of each dot.',
    ],
  ])('rejects %j with a message that says what to fix', (name, message) => {
    const result = apiKeyNameSchema.safeParse(name);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });

  it('agrees with the spec pattern on every name it accepts', () => {
    const samples = ['a', 'a-b', 'a.b', 'A', 'a_b', 'ab-', 'é', 'a\u200bb', '1.2.3'];
    for (const name of samples) {
      expect(describeApiKeyNameProblem(name) === null).toBe(API_KEY_NAME_PATTERN.test(name));
    }
  });
});
