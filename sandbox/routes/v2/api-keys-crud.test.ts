// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { apiKeyListSchema, apiKeySchema } from '../../../src/features/api-keys/api/api-key-schemas';
import { deploymentListSchema } from '../../../src/features/deployments/api/v2/deployment-schemas';
import { gcoreErrorBodySchema } from '../../../src/lib/api-error-schema';
import { DEPLOYMENTS, KEYS } from '../../testing/sandbox-test-client';
import { SEED_KEY_IDS as K } from '../../seed/api-keys';
import { SEED_DEPLOYMENT_IDS as D } from '../../seed/deployments';
import { SEED_PROJECT_IDS as P } from '../../seed/projects';
import { freshSandboxEachTest } from '../../testing/fresh-sandbox';

const { call } = freshSandboxEachTest('2025-06-01T12:00:00Z');

const getKey = async (id: string) => apiKeySchema.parse((await call('GET', `${KEYS}/${id}`)).json);
const patch = (id: string, body: unknown) => call('PATCH', `${KEYS}/${id}`, { body });
async function keysOn(deploymentId: string): Promise<string[]> {
  const list = deploymentListSchema.parse((await call('GET', DEPLOYMENTS)).json);
  return list.results.find((d) => d.id === deploymentId)?.api_key_ids ?? [];
}

describe('GET /cloud/v2/inference/api_keys/{key_id}', () => {
  it('returns a seed key without a secret', async () => {
    const res = await call('GET', `${KEYS}/${K.mobileAppProd}`);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      key_id: K.mobileAppProd,
      name: 'mobile-app-prod',
      description: null,
      status: 'ACTIVE',
      project_id: P.default,
      inference_instance_ids: [D.llamaChat, D.mistralInstruct],
      expires_at: '2099-12-31T23:59:59Z',
      created_at: '2024-09-12T14:05:00Z',
    });
  });

  it.each(['GET', 'PATCH', 'DELETE'])(
    '%s with a malformed key_id is a 400 naming key_id',
    async (m) => {
      const res = await call(m, `${KEYS}/not-a-uuid`, { body: m === 'PATCH' ? {} : undefined });
      expect(res.status).toBe(400);
      expect(gcoreErrorBodySchema.parse(res.json).invalid_fields).toHaveProperty('key_id');
    },
  );

  it.each(['GET', 'PATCH', 'DELETE'])('%s with an unknown key_id is a 404 naming it', async (m) => {
    const id = '0f0e0d0c-0b0a-4908-8706-050403020100';
    const res = await call(m, `${KEYS}/${id}`, { body: m === 'PATCH' ? {} : undefined });
    expect(res.status).toBe(404);
    const body = gcoreErrorBodySchema.parse(res.json);
    expect(body.exception_class).toBe('NotFoundError');
    expect(body.message).toContain(id);
  });
});

describe('PATCH /cloud/v2/inference/api_keys/{key_id}', () => {
  it('changes only the fields it is given', async () => {
    const before = await getKey(K.mobileAppProd);
    const res = await patch(K.mobileAppProd, { description: 'Now described' });
    expect(res.status).toBe(200);
    expect(apiKeySchema.parse(res.json)).toEqual({ ...before, description: 'Now described' });
    expect(await getKey(K.mobileAppProd)).toEqual({ ...before, description: 'Now described' });
  });

  it('clears the expiry with null and rejects one in the past', async () => {
    expect(
      apiKeySchema.parse((await patch(K.mobileAppProd, { expires_at: null })).json).expires_at,
    ).toBeNull();
    const res = await patch(K.mobileAppProd, { expires_at: '2025-05-01T00:00:00Z' });
    expect(res.status).toBe(400);
    expect(gcoreErrorBodySchema.parse(res.json).invalid_fields).toHaveProperty('expires_at');
    expect((await getKey(K.mobileAppProd)).expires_at).toBeNull();
  });

  it('refuses to change the name, alongside any other broken field', async () => {
    const res = await patch(K.ciPipeline, { name: 'renamed', project_id: 'x' });
    expect(res.status).toBe(400);
    const body = gcoreErrorBodySchema.parse(res.json);
    expect(body.invalid_fields?.name).toEqual(['Name cannot be changed.']);
    expect(body.invalid_fields).toHaveProperty('project_id');
    expect((await getKey(K.ciPipeline)).name).toBe('ci-pipeline');
  });

  it('rebinds deployments and keeps their api_key_ids in step', async () => {
    expect(await keysOn(D.llamaChat)).toContain(K.ciPipeline);
    const res = await patch(K.ciPipeline, { inference_instance_ids: [D.mistralInstruct] });
    expect(apiKeySchema.parse(res.json).inference_instance_ids).toEqual([D.mistralInstruct]);
    expect(await keysOn(D.llamaChat)).not.toContain(K.ciPipeline);
    expect(await keysOn(D.mistralInstruct)).toContain(K.ciPipeline);
    await patch(K.ciPipeline, { inference_instance_ids: [] });
    expect(await keysOn(D.mistralInstruct)).not.toContain(K.ciPipeline);
  });

  it('reports auth_enabled as the deployments stand: on with a key, off without one', async () => {
    type Listed = { results: { id: string; auth_enabled: unknown }[] };
    const enabled = async (id: string) =>
      ((await call('GET', DEPLOYMENTS)).json as Listed).results.find((d) => d.id === id)
        ?.auth_enabled;
    expect(await keysOn(D.stableDiffusion)).toEqual([]);
    expect(await enabled(D.stableDiffusion)).toBe(false);
    expect(await enabled(D.llamaChat)).toBe(true);
    await patch(K.ciPipeline, { inference_instance_ids: [D.stableDiffusion] });
    expect(await enabled(D.stableDiffusion)).toBe(true);
    await patch(K.ciPipeline, { inference_instance_ids: [] });
    expect(await enabled(D.stableDiffusion)).toBe(false);
  });

  it('leaves the bindings alone when inference_instance_ids is null', async () => {
    const res = await patch(K.mobileAppProd, { inference_instance_ids: null });
    expect(apiKeySchema.parse(res.json).inference_instance_ids).toEqual([
      D.llamaChat,
      D.mistralInstruct,
    ]);
  });

  it('answers 404 for a deployment outside the key project and changes nothing', async () => {
    const res = await patch(K.ciPipeline, {
      description: 'should not stick',
      inference_instance_ids: [D.stagingLlamaChat],
    });
    expect(res.status).toBe(404);
    expect(gcoreErrorBodySchema.parse(res.json).message).toContain(D.stagingLlamaChat);
    const key = await getKey(K.ciPipeline);
    expect(key.inference_instance_ids).toEqual([D.llamaChat]);
    expect(key.description).toBe('Used by the CI smoke tests');
  });

  it('uses project_id to scope the lookup, never to move the key', async () => {
    expect((await patch(K.ciPipeline, { project_id: P.default })).status).toBe(200);
    expect((await patch(K.ciPipeline, { project_id: P.staging })).status).toBe(404);
    expect((await patch(K.ciPipeline, { project_id: 99 })).status).toBe(404);
    expect((await getKey(K.ciPipeline)).project_id).toBe(P.default);
  });
});

describe('DELETE /cloud/v2/inference/api_keys/{key_id}', () => {
  it('answers 204 with an empty body, then the key is gone everywhere', async () => {
    const res = await call('DELETE', `${KEYS}/${K.ciPipeline}`);
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect((await call('GET', `${KEYS}/${K.ciPipeline}`)).status).toBe(404);
    expect((await call('DELETE', `${KEYS}/${K.ciPipeline}`)).status).toBe(404);
    const list = apiKeyListSchema.parse((await call('GET', KEYS)).json);
    expect(list.count).toBe(2);
    expect(await keysOn(D.llamaChat)).toEqual([K.mobileAppProd]);
  });

  it('frees the name for reuse', async () => {
    await call('DELETE', `${KEYS}/${K.ciPipeline}`);
    expect((await call('POST', KEYS, { body: { name: 'ci-pipeline' } })).status).toBe(200);
  });
});
