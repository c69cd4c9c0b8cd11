import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiKeyNameSchema, describeApiKeyNameProblem } from './api-key-v2-name';

type Spec = {
  components: { schemas: { ApiKeyInSerializer: { properties: { name: { pattern: string } } } } };
};
const spec = JSON.parse(
  readFileSync(
    new URL('../../../../../contract/gcore-inference-v2.openapi.json', import.meta.url),
    'utf8',
  ),
) as Spec;
const SPEC_PATTERN = new RegExp(spec.components.schemas.ApiKeyInSerializer.properties.name.pattern);

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

  // The spec's own pattern, read from the OpenAPI file, not the constant the rule is built on.
  it.each([
    ['a', true],
    ['a-b', true],
    ['a.b', true],
    ['1.2.3', true],
    ['A', false],
    ['a_b', false],
    ['ab-', false],
    ['é', false],
    ['a\u200bb', false],
  ])('agrees with the OpenAPI pattern on %j (valid: %s)', (name, valid) => {
    expect(SPEC_PATTERN.test(name)).toBe(valid);
    expect(describeApiKeyNameProblem(name) === null).toBe(valid);
  });
});
