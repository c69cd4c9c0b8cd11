import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { specSchema, validateAgainstSpec } from '../../../../../contract/spec-validator';
import { apiKeyNameSchema } from './api-key-v2-name';

// The oracle is the spec, read from the OpenAPI file rather than copied from the code under test.
const nameSpec = specSchema('ApiKeyInSerializer') as {
  properties: { name: { pattern: string; minLength: number; maxLength: number } };
};
const { pattern, minLength, maxLength } = nameSpec.properties.name;
// JSON Schema's pattern is an ECMA-262 regex; Ajv compiles it with the `u` flag, and so do we.
const specPattern = new RegExp(pattern, 'u');

/**
 * minLength/maxLength count Unicode code points in JSON Schema (Ajv: ucs2length), while zod and
 * `String.length` count UTF-16 code units. They differ only for astral characters (emoji, etc.),
 * and the pattern admits ASCII alone, so any name where they differ is rejected either way: the
 * verdicts cannot diverge on length. Counting code points here keeps the oracle faithful anyway.
 */
function specAccepts(name: string): boolean {
  const codePoints = [...name].length;
  return codePoints >= minLength && codePoints <= maxLength && specPattern.test(name);
}

/** Characters that look harmless, look like allowed ones, or break naive checks. */
const HOSTILE = [
  'A',
  'Z',
  ' ',
  '_',
  '\t',
  '\n',
  '\r',
  '\u0000',
  '/',
  ':',
  '@',
  '+',
  '%',
  '\u202E', // right-to-left override
  '\u200B', // zero-width space
  '\u00A0', // no-break space
  '\uFEFF', // byte-order mark
  '\u0430', // Cyrillic а, looks like a
  '\uFF41', // fullwidth ａ
  '\u212A', // Kelvin sign: lower-cases to k under case-insensitive Unicode matching
  '\u0131', // dotless ı
  'é',
  'e\u0301', // precomposed and combining
  '😀',
  '👩‍💻',
  '🇺🇦', // astral, ZWJ sequence, flag
  '\uD800',
  '\uDFFF', // lone surrogates
  '<script>',
  '"',
  "'",
  '\\',
  '..',
  '-.',
  '.-',
];
const ALLOWED = [...'abcdefghijklmnopqrstuvwxyz0123456789.-'];

const validName = fc.stringMatching(new RegExp(pattern));
const names = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.constantFrom(...ALLOWED), maxLength: 20 }),
  fc.string({ unit: fc.constantFrom(...ALLOWED, ...HOSTILE), maxLength: 20 }),
  validName,
  // A valid name with one hostile piece spliced in anywhere.
  fc
    .tuple(validName, fc.constantFrom(...HOSTILE), fc.nat())
    .map(
      ([name, bad, at]) =>
        name.slice(0, at % (name.length + 1)) + bad + name.slice(at % (name.length + 1)),
    ),
  // Around the length limit: 195..205 characters, mostly valid, some with astral characters.
  fc
    .tuple(
      fc.string({ unit: fc.constantFrom('a', '0', '-', '.'), minLength: 193, maxLength: 203 }),
      fc.constantFrom('a', '😀'),
    )
    .map(([middle, end]) => `a${middle}${end}`),
);

function check(name: string): void {
  // safeParse must report, never throw: a throw fails the property.
  const result = apiKeyNameSchema.safeParse(name);
  const expected = specAccepts(name);
  const ajvAccepts = validateAgainstSpec('ApiKeyInSerializer', { name }).length === 0;
  expect(ajvAccepts, `Ajv vs oracle for ${JSON.stringify(name)}`).toBe(expected);
  expect(result.success, `zod vs spec for ${JSON.stringify(name)}`).toBe(expected);
  if (!result.success) {
    expect(result.error.issues.length).toBeGreaterThan(0);
    for (const issue of result.error.issues) expect(issue.message.trim()).not.toBe('');
  }
}

describe('apiKeyNameSchema against the spec', () => {
  it('accepts exactly the names the spec accepts, and explains every rejection', () => {
    fc.assert(fc.property(names, check), { numRuns: 3000 });
  });

  it('produces valid names often enough for the property to mean something', () => {
    const sample = fc.sample(names, { numRuns: 2000, seed: 42 });
    const accepted = sample.filter(specAccepts).length;
    expect(accepted).toBeGreaterThan(200);
    expect(sample.length - accepted).toBeGreaterThan(200);
  });

  it.each(HOSTILE)('rejects a name containing %j, like the spec', (bad) => {
    for (const name of [bad, `a${bad}`, `${bad}a`, `a${bad}b`]) check(name);
    expect(apiKeyNameSchema.safeParse(`a${bad}b`).success).toBe(false);
  });

  it.each([
    ['a'.repeat(200), true],
    ['a'.repeat(201), false],
    // 199 code points but 200 code units: too long by neither count, wrong by the pattern.
    [`${'a'.repeat(198)}😀`, false],
    ['a\n', false],
  ])('decides %j at the boundaries like the spec (%s)', (name, accepted) => {
    check(name);
    expect(apiKeyNameSchema.safeParse(name).success).toBe(accepted);
  });
});
