import { describe, expect, it } from 'vitest';
import { describeApiKeyNameProblem } from '../api/v2/api-key-v2-name';
import { describeV3ApiKeyNameProblem } from '../api/v3/api-key-v3-name';
import { nextFreeName, suggestKeyName } from './suggest-key-name';

describe('suggestKeyName', () => {
  it.each([
    ['My Key!', 'my-key'],
    ['  Prod  API key ', 'prod-api-key'],
    ['Café_Münster', 'cafe-munster'],
    ['--edge--', 'edge'],
  ])('%j → %j', (typed, expected) => {
    expect(suggestKeyName(typed, describeV3ApiKeyNameProblem)).toBe(expected);
    expect(suggestKeyName(typed, describeApiKeyNameProblem)).toBe(expected);
  });

  it('offers nothing for a valid name, an empty one, or one with no valid neighbour', () => {
    expect(suggestKeyName('fine-name', describeV3ApiKeyNameProblem)).toBeNull();
    expect(suggestKeyName('', describeV3ApiKeyNameProblem)).toBeNull();
    expect(suggestKeyName('!!!', describeV3ApiKeyNameProblem)).toBeNull();
    // v3 needs four characters: "A b" → "a-b" would still be refused.
    expect(suggestKeyName('A b', describeV3ApiKeyNameProblem)).toBeNull();
    expect(suggestKeyName('A b', describeApiKeyNameProblem)).toBe('a-b');
  });

  it("follows the generation's rule: dots stay out of a v3 suggestion", () => {
    expect(suggestKeyName('api.prod', describeV3ApiKeyNameProblem)).toBe('api-prod');
    expect(suggestKeyName('api.prod', describeApiKeyNameProblem)).toBeNull();
  });

  it('cuts an over-long name to 63 characters for v3', () => {
    const suggestion = suggestKeyName('A'.repeat(70), describeV3ApiKeyNameProblem);
    expect(suggestion).toBe('a'.repeat(63));
  });
});

describe('nextFreeName', () => {
  const v3 = describeV3ApiKeyNameProblem;
  it('numbers the name, skipping the listed ones', () => {
    expect(nextFreeName('support-chatbot', new Set(), v3)).toBe('support-chatbot-2');
    const taken = new Set(['support-chatbot-2', 'support-chatbot-3']);
    expect(nextFreeName('support-chatbot', taken, v3)).toBe('support-chatbot-4');
    expect(nextFreeName('support-chatbot-2', taken, v3)).toBe('support-chatbot-4');
  });

  it('cuts the stem so the suffix fits the rule', () => {
    const long = 'a'.repeat(63);
    expect(nextFreeName(long, new Set(), v3)).toBe(`${'a'.repeat(61)}-2`);
  });
});
