// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { apiKeyListSchema, apiKeySchema } from '../../../src/features/api-keys/api/api-key-schemas';
import { gcoreErrorBodySchema } from '../../../src/lib/api-error-schema';
import { createSandbox } from '../../create-sandbox';
import { KEYS, sandboxCaller } from '../../testing/sandbox-test-client';

const NOW = new Date('2025-06-01T12:00:00Z');
const call = sandboxCaller(createSandbox({ now: () => NOW }));
const create = (body: unknown) => call('POST', KEYS, { body });

async function validationError(body: unknown) {
  const res = await create(body);
  expect(res.status).toBe(400);
  const error = gcoreErrorBodySchema.parse(res.json);
  expect(error.exception_class).toBe('ValidationError');
  return error;
}

describe('create body validation', () => {
  it('names every broken field at once, each with its messages', async () => {
    const error = await validationError({
      name: 'Bad_Name',
      description: 5,
      expires_at: 'next week',
      inference_instance_ids: ['not-a-uuid'],
      project_id: 'one',
    });
    expect(Object.keys(error.invalid_fields ?? {}).sort()).toEqual([
      'description',
      'expires_at',
      'inference_instance_ids',
      'name',
      'project_id',
    ]);
    for (const messages of Object.values(error.invalid_fields ?? {})) {
      expect(messages.length).toBeGreaterThan(0);
    }
    expect(error.invalid_fields?.inference_instance_ids?.[0]).toContain('not-a-uuid');
    expect(error.message).toMatch(/^Validation Error: \{'name': \['/);
    expect(error.message).toContain("'expires_at': [");
  });

  it('only names the broken field when the others are fine', async () => {
    const error = await validationError({ name: 'good-name', project_id: 1.5 });
    expect(Object.keys(error.invalid_fields ?? {})).toEqual(['project_id']);
  });

  it('says a missing name is required', async () => {
    const error = await validationError({ description: 'nameless' });
    expect(error.invalid_fields?.name).toEqual(['This field is required.']);
  });

  it.each(['', 'UPPER', '-lead', 'trail-', 'a..b', 'a.-b', 'sp ace', 'x'.repeat(201)])(
    'rejects the name %j',
    async (name) => {
      const error = await validationError({ name });
      expect(error.invalid_fields?.name?.length).toBe(1);
    },
  );

  it.each([
    ['in the past', '2025-06-01T11:59:59Z'],
    ['exactly now', '2025-06-01T12:00:00Z'],
    ['without a zone', '2030-01-01T00:00:00'],
    ['not a date', 'tomorrow'],
    ['an impossible date', '2030-02-30T00:00:00Z'],
  ])('rejects expires_at %s, naming only expires_at', async (_label, expiresAt) => {
    const error = await validationError({ name: 'expiring', expires_at: expiresAt });
    expect(Object.keys(error.invalid_fields ?? {})).toEqual(['expires_at']);
    expect(error.invalid_fields?.expires_at).toHaveLength(1);
  });

  it('accepts a future expires_at and returns it in UTC with Z', async () => {
    const res = await create({ name: 'offset-key', expires_at: '2030-01-01T02:00:00+02:00' });
    expect(res.status).toBe(200);
    expect(apiKeySchema.parse(res.json).expires_at).toBe('2030-01-01T00:00:00Z');
  });

  it.each([
    ['not JSON', '{"name": '],
    ['an array', '["name"]'],
    ['a string', '"name"'],
    ['empty', ''],
  ])('answers a body that is %s with a 400 ValidationError', async (_label, rawBody) => {
    const res = await call('POST', KEYS, { rawBody });
    expect(res.status).toBe(400);
    expect(gcoreErrorBodySchema.parse(res.json).exception_class).toBe('ValidationError');
  });

  it('ignores unknown fields', async () => {
    const res = await create({ name: 'extra-fields', colour: 'blue', secret: 'mine' });
    expect(res.status).toBe(200);
    expect(res.json).not.toHaveProperty('colour');
    expect(res.json).toHaveProperty('secret');
    expect((res.json as { secret: string }).secret).not.toBe('mine');
  });

  it('creates nothing when validation fails', async () => {
    await validationError({ name: 'Nope' });
    const list = apiKeyListSchema.parse((await call('GET', KEYS)).json);
    expect(list.results.map((k) => k.name)).not.toContain('Nope');
  });
});
