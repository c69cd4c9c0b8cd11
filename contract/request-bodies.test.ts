// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createApiKeyInputSchema,
  updateApiKeyInputSchema,
} from '../src/features/api-keys/api/api-key-schemas';
import { requestSchemaName, validateAgainstSpec } from './spec-validator';

const CREATE = requestSchemaName('/cloud/v2/inference/api_keys', 'post') ?? '';
const UPDATE = requestSchemaName('/cloud/v2/inference/api_keys/{key_id}', 'patch') ?? '';
const ID = '3fa85f64-5717-4562-b3fc-2c963f66afa6';

describe('request bodies the zod contract accepts are valid for the spec', () => {
  it('names the request schemas as expected', () => {
    expect(CREATE).toBe('ApiKeyInSerializer');
    expect(UPDATE).toBe('ApiKeyPatchSerializer');
  });

  it.each([
    { name: 'a' },
    {
      name: 'my-key',
      description: null,
      expires_at: null,
      inference_instance_ids: [],
      project_id: null,
    },
    {
      name: 'prod.mobile-app.v2',
      description: 'Mobile app',
      expires_at: '2030-01-01T00:00:00Z',
      inference_instance_ids: [ID],
      project_id: 1,
    },
    { name: 'x'.repeat(200), expires_at: '2030-01-01T02:00:00+02:00', extra: 'dropped by zod' },
  ])('create body %#', (input) => {
    const body = createApiKeyInputSchema.parse(input);
    expect(validateAgainstSpec(CREATE, body)).toEqual([]);
    expect(body).not.toHaveProperty('extra');
  });

  it.each([
    {},
    { description: 'New description' },
    { description: null, expires_at: null, inference_instance_ids: null, project_id: null },
    {
      expires_at: '2031-12-31T23:59:59.500Z',
      inference_instance_ids: [ID, ID.toUpperCase()],
      project_id: 2,
    },
  ])('update body %#', (input) => {
    const body = updateApiKeyInputSchema.parse(input);
    expect(validateAgainstSpec(UPDATE, body)).toEqual([]);
  });
});

describe('the key name rule: the spec and the zod schema agree', () => {
  const specAccepts = (name: string) => validateAgainstSpec(CREATE, { name }).length === 0;
  const zodAccepts = (name: string) => createApiKeyInputSchema.safeParse({ name }).success;

  it.each([
    '',
    'Bad',
    '-lead',
    'trail-',
    '.dot',
    'dot.',
    'a..b',
    'a.-b',
    'a-.b',
    'a_b',
    'sp ace',
    'ü',
    'x'.repeat(201),
  ])('both reject %j', (name) => {
    expect(specAccepts(name)).toBe(false);
    expect(zodAccepts(name)).toBe(false);
  });

  it.each(['a', '0', 'my-key', 'a--b', 'a.b', 'a1.b-2.c3', 'x'.repeat(200)])(
    'both accept %j',
    (name) => {
      expect(specAccepts(name)).toBe(true);
      expect(zodAccepts(name)).toBe(true);
    },
  );

  it('give the same verdict on any name built from the tricky characters', () => {
    const char = fc.constantFrom('a', 'z', '0', '9', '-', '.', 'A', '_', ' ');
    const names = fc.oneof(
      fc.string({ unit: char, maxLength: 12 }),
      fc.string({ unit: char, minLength: 195, maxLength: 205 }),
      // Mostly valid long names, to probe the 200-character limit itself.
      fc
        .string({ unit: fc.constantFrom('a', '0', '-'), minLength: 196, maxLength: 202 })
        .map((middle) => `a${middle}a`),
    );
    fc.assert(
      fc.property(names, (name) => specAccepts(name) === zodAccepts(name)),
      { numRuns: 2000 },
    );
  });
});
