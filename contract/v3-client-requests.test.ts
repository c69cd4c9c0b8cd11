// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { keysAdapterV3 } from '../src/features/api-keys/api/v3/api-key-v3-adapter';
import { bindingApiV3 } from '../src/features/deployments/api/v3/deployment-v3-calls';
import { v3Spec } from './spec-validator';

type Sent = { method: string; path: string; query: string; body: unknown };

const KEY = {
  name: 'ci-key',
  description: null,
  created_at: '2026-12-01T10:00:00Z',
  expires_at: null,
  deployment_names: ['llama'],
};
const DEPLOYMENT = {
  name: 'llama',
  status: 'ACTIVE',
  address: 'https://llama.example',
  api_keys: null,
  auth_enabled: false,
};
const TASK = {
  id: 't-1',
  task_type: 'update_inference_instance',
  state: 'RUNNING',
  user_id: 1,
  created_on: '2026-07-01T13:33:36',
};

/** Answers like Gcore would for each v3 route, and records what the client sent. */
function stubApi(): Sent[] {
  const sent: Sent[] = [];
  vi.stubGlobal('location', { origin: 'http://dashboard.test' });
  vi.stubGlobal('fetch', async (input: string, init: RequestInit) => {
    const url = new URL(input);
    const method = init.method ?? 'GET';
    const body = init.body === undefined ? undefined : (JSON.parse(String(init.body)) as unknown);
    sent.push({ method, path: url.pathname, query: url.search, body });
    const json = (value: unknown) =>
      new Response(JSON.stringify(value), { headers: { 'content-type': 'application/json' } });
    if (method === 'DELETE') return new Response(null, { status: 204 });
    if (url.pathname.startsWith('/cloud/v1/tasks/')) return json(TASK);
    if (url.pathname.endsWith('/api_keys') && method === 'GET')
      return json({ count: 1, results: [KEY] });
    if (url.pathname.endsWith('/api_keys')) return json({ ...KEY, secret: 'qLyjWDarjtT1zdp7dc' });
    if (url.pathname.includes('/api_keys/')) return json(KEY);
    if (url.pathname.endsWith('/deployments')) return json({ count: 1, results: [DEPLOYMENT] });
    if (method === 'PATCH') return json({ tasks: ['t-1'] });
    return json(DEPLOYMENT);
  });
  return sent;
}

afterEach(() => vi.unstubAllGlobals());

describe('the v3 client sends what the v3 spec accepts, where the spec says', () => {
  it('answers of the stub are valid for the spec (so the client is tested against real shapes)', () => {
    expect(v3Spec.validateAgainstSpec('GetApiKeyResponseSerializer', KEY)).toEqual([]);
    expect(v3Spec.validateAgainstSpec('TaskSerializer', TASK)).toEqual([]);
  });

  it('key calls', async () => {
    const sent = stubApi();
    const created = await keysAdapterV3.createKey(7, {
      name: 'ci-key',
      description: '',
      expiresAt: '2030-01-01T00:00:00Z',
      deploymentRefs: ['llama'],
    });
    expect(created.secret).toBe('qLyjWDarjtT1zdp7dc');
    expect(created.key).toMatchObject({ id: 'ci-key', status: null, deploymentRefs: ['llama'] });
    await keysAdapterV3.listKeyPage(7, { limit: 100, offset: 0 });
    await keysAdapterV3.getKey(7, 'ci-key');
    await keysAdapterV3.updateKey(7, 'ci-key', { description: null });
    expect(await keysAdapterV3.deleteKey(7, 'ci-key')).toBe('deleted');

    expect(sent.map((s) => `${s.method} ${s.path}${s.query}`)).toEqual([
      'POST /cloud/v3/inference/7/api_keys',
      'GET /cloud/v3/inference/7/api_keys?limit=100&offset=0',
      'GET /cloud/v3/inference/7/api_keys/ci-key',
      'PATCH /cloud/v3/inference/7/api_keys/ci-key',
      'DELETE /cloud/v3/inference/7/api_keys/ci-key',
    ]);
    // The empty description is omitted, never sent as null or "" (Decision); no binding field.
    expect(sent[0]?.body).toEqual({ name: 'ci-key', expires_at: '2030-01-01T00:00:00Z' });
    expect(v3Spec.validateAgainstSpec('ApiKeyCreateRequestSerializer', sent[0]?.body)).toEqual([]);
    expect(sent[3]?.body).toEqual({ description: null });
    expect(v3Spec.validateAgainstSpec('ApiKeyUpdateRequestSerializer', sent[3]?.body)).toEqual([]);
  });

  it('refuses to send what v3 cannot change', async () => {
    stubApi();
    await expect(
      keysAdapterV3.updateKey(7, 'ci-key', { expiresAt: '2031-01-01T00:00:00Z' }),
    ).rejects.toThrow(/only their description/);
  });

  it('deployment and task calls', async () => {
    const sent = stubApi();
    const deployments = await keysAdapterV3.listDeployments(7);
    expect(deployments).toEqual([
      {
        ref: 'llama',
        name: 'llama',
        status: 'ACTIVE',
        address: 'https://llama.example',
        keyRefs: [],
        // No key: open to anyone (v3 ties authentication to the key list).
        authEnabled: false,
      },
    ]);
    const api = bindingApiV3(7);
    expect((await api.getDeployment('llama')).api_keys).toEqual([]);
    expect(await api.setDeploymentKeys('llama', ['ci-key'])).toEqual(['t-1']);
    expect((await api.getTask('t-1')).state).toBe('RUNNING');
    expect(sent.map((s) => `${s.method} ${s.path}`)).toEqual([
      'GET /cloud/v3/inference/7/deployments',
      'GET /cloud/v3/inference/7/deployments/llama',
      'PATCH /cloud/v3/inference/7/deployments/llama',
      'GET /cloud/v1/tasks/t-1',
    ]);
    expect(sent[2]?.body).toEqual({ api_keys: ['ci-key'] });
    expect(
      v3Spec.validateAgainstSpec('InferenceInstanceInUpdateSerializerV3', sent[2]?.body),
    ).toEqual([]);
  });
});
