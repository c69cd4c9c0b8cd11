// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  createApiKeyV3InputSchema,
  updateApiKeyV3InputSchema,
} from '../src/features/api-keys/api/v3/api-key-v3-schemas';
import { patchDeploymentKeysInputSchema } from '../src/features/deployments/api/v3/deployment-v3-schemas';
import { v3Spec } from './spec-validator';

const KEYS = '/cloud/v3/inference/{project_id}/api_keys';
const CREATE = v3Spec.requestSchemaName(KEYS, 'post') ?? '';
const UPDATE = v3Spec.requestSchemaName(`${KEYS}/{api_key_name}`, 'patch') ?? '';
const PATCH_DEPLOYMENT =
  v3Spec.requestSchemaName(
    '/cloud/v3/inference/{project_id}/deployments/{deployment_name}',
    'patch',
  ) ?? '';

describe('v3 request bodies the zod contract accepts are valid for the v3 spec', () => {
  it('names the request schemas as expected', () => {
    expect([CREATE, UPDATE, PATCH_DEPLOYMENT]).toEqual([
      'ApiKeyCreateRequestSerializer',
      'ApiKeyUpdateRequestSerializer',
      'InferenceInstanceInUpdateSerializerV3',
    ]);
  });

  it.each([
    { name: 'abcd' },
    { name: 'my-key', description: 'CI', expires_at: '2030-01-01T00:00:00Z' },
    { name: `k${'x'.repeat(61)}9`, description: 'd'.repeat(300) },
  ])('create body %#', (input) => {
    expect(v3Spec.validateAgainstSpec(CREATE, createApiKeyV3InputSchema.parse(input))).toEqual([]);
  });

  it.each([{}, { description: 'New' }, { description: null }])('update body %#', (input) => {
    expect(v3Spec.validateAgainstSpec(UPDATE, updateApiKeyV3InputSchema.parse(input))).toEqual([]);
  });

  it.each([{ api_keys: [] }, { api_keys: ['a-key', 'b-key'] }])(
    'deployment PATCH body %#',
    (input) => {
      expect(
        v3Spec.validateAgainstSpec(PATCH_DEPLOYMENT, patchDeploymentKeysInputSchema.parse(input)),
      ).toEqual([]);
    },
  );
});

describe('what the v3 zod contract refuses, the client never sends', () => {
  it.each([
    [{ name: 'abc' }, 'too short for v3'],
    [{ name: 'a'.repeat(64) }, 'too long'],
    [{ name: 'dotted.name' }, 'a dot: allowed on create by the spec, but not addressable'],
    [{ name: 'my-key', description: null }, 'null description on create'],
    [{ name: 'my-key', expires_at: null }, 'null expiry on create'],
    [{ name: 'my-key', description: 'x'.repeat(301) }, 'description over 300'],
    [{ name: 'my-key', project_id: 1 }, 'a v2 leftover field'],
    [{ name: 'my-key', inference_instance_ids: [] }, 'a v2 binding field'],
  ])('create %j (%s)', (input, why) => {
    expect(createApiKeyV3InputSchema.safeParse(input).success, why).toBe(false);
  });

  it.each([
    [{ expires_at: '2030-01-01T00:00:00Z' }, 'the expiry cannot change'],
    [{ name: 'renamed' }, 'the name cannot change'],
  ])('update %j (%s)', (input, why) => {
    expect(updateApiKeyV3InputSchema.safeParse(input).success, why).toBe(false);
  });

  it.each([[{ api_keys: null }], [{ api_keys: ['a'], auth_enabled: true }], [{}]])(
    'deployment PATCH %j',
    (input) => {
      expect(patchDeploymentKeysInputSchema.safeParse(input).success).toBe(false);
    },
  );
});
