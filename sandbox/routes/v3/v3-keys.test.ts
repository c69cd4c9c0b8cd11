// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { v3Spec } from '../../../contract/spec-validator';
import { createSandbox } from '../../create-sandbox';
import { KEYS, sandboxCaller } from '../../testing/sandbox-test-client';
import { freshSandboxEachTest } from '../../testing/fresh-sandbox';

const V3 = '/cloud/v3/inference/1/api_keys';
const { call } = freshSandboxEachTest('2025-06-01T12:00:00Z');

const validKey = (json: unknown) => v3Spec.validateAgainstSpec('GetApiKeyResponseSerializer', json);

describe('v3 keys over the one store', () => {
  it('lists the seed keys oldest first, by name, with the deployments they serve', async () => {
    const res = await call('GET', `${V3}?limit=2`);
    expect(res.status).toBe(200);
    expect(v3Spec.validateListAgainstSpec('GetApiKeyResponseSerializer', res.json)).toEqual([]);
    expect(res.json).toMatchObject({
      count: 3,
      results: [
        { name: 'ci-pipeline', deployment_names: ['llama-3-8b-chat'] },
        { name: 'mobile-app-prod', deployment_names: ['llama-3-8b-chat', 'mistral-7b-instruct'] },
      ],
    });
  });

  it('creates a key whose secret appears once, and v2 lists it too', async () => {
    const res = await call('POST', V3, {
      body: { name: 'v3-made', description: 'CI', expires_at: '2030-01-01T00:00:00Z' },
    });
    expect(res.status).toBe(200);
    expect(v3Spec.validateAgainstSpec('CreateApiKeyResponseSerializer', res.json)).toEqual([]);
    expect(res.json).toEqual({
      name: 'v3-made',
      description: 'CI',
      created_at: '2025-06-01T12:00:00Z',
      expires_at: '2030-01-01T00:00:00Z',
      deployment_names: [],
      secret: expect.stringMatching(/^[A-Za-z0-9]{32}$/),
    });
    const got = await call('GET', `${V3}/v3-made`);
    expect(validKey(got.json)).toEqual([]);
    expect(got.json).not.toHaveProperty('secret');
    const v2 = await call('GET', `${KEYS}?project_id=1&limit=1000`);
    expect(JSON.stringify(v2.json)).toContain('"name":"v3-made"');
  });

  it.each([
    [{ name: 'abc' }, 'name'],
    [{ name: 'ok-name', description: null }, 'description'],
    [{ name: 'ok-name', expires_at: null }, 'expires_at'],
    [{ name: 'ok-name', expires_at: '2020-01-01T00:00:00Z' }, 'expires_at'],
    [{ name: 'ok-name', inference_instance_ids: [] }, 'inference_instance_ids'],
    [{ name: 'ok-name', description: 'x'.repeat(301) }, 'description'],
  ])('refuses %j with a 400 naming %s', async (body, field) => {
    const res = await call('POST', V3, { body });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({
      exception_class: 'ValidationError',
      invalid_fields: { [field]: expect.any(Array) },
    });
  });

  it('accepts a dotted name on create, as the spec does, but refuses it in a path', async () => {
    expect((await call('POST', V3, { body: { name: 'dotted.key' } })).status).toBe(200);
    expect((await call('GET', `${V3}/dotted.key`)).status).toBe(400);
  });

  it('answers 409 for a duplicate name and 404 for an unknown project or key', async () => {
    expect((await call('POST', V3, { body: { name: 'ci-pipeline' } })).json).toMatchObject({
      exception_class: 'ConflictError',
    });
    expect((await call('GET', '/cloud/v3/inference/99/api_keys')).status).toBe(404);
    expect((await call('GET', `${V3}/no-such-key`)).status).toBe(404);
  });

  it('changes only the description; null clears it', async () => {
    const res = await call('PATCH', `${V3}/old-demo`, { body: { description: 'kept' } });
    expect(res.json).toMatchObject({ name: 'old-demo', description: 'kept' });
    expect(
      (await call('PATCH', `${V3}/old-demo`, { body: { description: null } })).json,
    ).toMatchObject({
      description: null,
    });
    const refused = await call('PATCH', `${V3}/old-demo`, {
      body: { expires_at: '2031-01-01T00:00:00Z' },
    });
    expect(refused.status).toBe(400);
  });

  it('refuses to delete a key still attached, naming the deployments, and deletes a free one', async () => {
    const attached = await call('DELETE', `${V3}/ci-pipeline`);
    expect(attached.status).toBe(409);
    expect(attached.json).toMatchObject({
      exception_class: 'ConflictError',
      message: expect.stringContaining('llama-3-8b-chat'),
    });
    expect((await call('DELETE', `${V3}/old-demo`)).status).toBe(204);
    expect((await call('GET', `${V3}/old-demo`)).status).toBe(404);
  });

  it('serves only v2 when asked to, so the v3 route answers 404', async () => {
    const v2only = sandboxCaller(createSandbox({ apiVersions: ['v2'] }));
    expect((await v2only('GET', V3)).status).toBe(404);
    expect((await v2only('GET', KEYS)).status).toBe(200);
  });
});
