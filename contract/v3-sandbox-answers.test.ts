// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { gcoreErrorBodySchema } from '../src/lib/api-error-schema';
import { type CallResult } from '../sandbox/testing/sandbox-test-client';
import { v3Spec } from './spec-validator';
import { freshSandboxEachTest } from '../sandbox/testing/fresh-sandbox';

/**
 * Every answer the sandbox gives on a v3 route, validated against the schema the v3 file names
 * for that operation and status (not one picked by hand), so the client is tested against shapes
 * Gcore documents.
 */
const KEYS = '/cloud/v3/inference/{project_id}/api_keys';
const KEY = `${KEYS}/{api_key_name}`;
const DEPLOYMENTS = '/cloud/v3/inference/{project_id}/deployments';
const DEPLOYMENT = `${DEPLOYMENTS}/{deployment_name}`;
const TASK = '/cloud/v1/tasks/{task_id}';
const BASE = '/cloud/v3/inference/1';

const fresh = freshSandboxEachTest('2026-12-02T10:00:00Z');
const { call, clock } = fresh;

/** Asserts the status, then validates the body against the operation's documented schema. */
function expectDocumented(specPath: string, method: string, res: CallResult, status = 200) {
  expect(res.status).toBe(status);
  const name = v3Spec.responseSchemaName(specPath, method, status);
  if (!name) throw new Error(`The v3 spec names no JSON answer for ${method} ${specPath}.`);
  expect(v3Spec.validateAgainstSpec(name, res.json)).toEqual([]);
  return res.json;
}

const patchKeys = async (deployment: string, apiKeys: string[]) =>
  expectDocumented(
    DEPLOYMENT,
    'PATCH',
    await call('PATCH', `${BASE}/deployments/${deployment}`, { body: { api_keys: apiKeys } }),
  ) as { tasks: string[] };
const task = async (id: string) =>
  expectDocumented(TASK, 'GET', await call('GET', `/cloud/v1/tasks/${id}`)) as { state: string };

describe('v3 key answers of the sandbox validate against the v3 spec', () => {
  it('list (the spec types it as ApiKeyListResponseSerializer), get, create, update', async () => {
    expectDocumented(KEYS, 'GET', await call('GET', `${BASE}/api_keys?limit=2&offset=1`));
    expectDocumented(KEY, 'GET', await call('GET', `${BASE}/api_keys/mobile-app-prod`));
    for (const body of [
      { name: 'bare' },
      { name: 'full-key', description: 'CI', expires_at: '2030-01-01T00:00:00Z' },
    ]) {
      expectDocumented(KEYS, 'POST', await call('POST', `${BASE}/api_keys`, { body }));
    }
    for (const description of ['New text', null]) {
      const res = await call('PATCH', `${BASE}/api_keys/full-key`, { body: { description } });
      expect(expectDocumented(KEY, 'PATCH', res)).toMatchObject({ description });
    }
  });

  it('delete: 204 with an empty body, as the spec documents', async () => {
    const res = await call('DELETE', `${BASE}/api_keys/old-demo`);
    expect(res.status).toBe(204);
    expect(v3Spec.documentedStatuses(KEY, 'DELETE')).toEqual([204]);
    expect(res.text).toBe('');
  });
});

describe('v3 deployment and task answers validate against the v3 spec', () => {
  it('list and get, with keys and with none (api_keys null)', async () => {
    expectDocumented(DEPLOYMENTS, 'GET', await call('GET', `${BASE}/deployments?limit=3`));
    for (const name of ['llama-3-8b-chat', 'whisper-large-v3', 'bge-m3-embeddings']) {
      expectDocumented(DEPLOYMENT, 'GET', await call('GET', `${BASE}/deployments/${name}`));
    }
  });

  it('PATCH answers {"tasks": [id]}, {"tasks": []} for no change, and [] (auth off) too', async () => {
    expect((await patchKeys('llama-3-8b-chat', ['ci-pipeline', 'mobile-app-prod'])).tasks).toEqual(
      [],
    );
    expect((await patchKeys('llama-3-8b-chat', [])).tasks).toHaveLength(1);
    clock.advance(3000);
    const publicNow = await call('GET', `${BASE}/deployments/llama-3-8b-chat`);
    expect(expectDocumented(DEPLOYMENT, 'GET', publicNow)).toMatchObject({
      api_keys: null,
      auth_enabled: false,
    });
  });

  it('a task in each state: NEW, RUNNING, FINISHED, ERROR (and one that never ends)', async () => {
    const [finishing = ''] = (await patchKeys('whisper-large-v3', ['old-demo'])).tasks;
    fresh.sandbox.tasks.arm({
      outcome: 'error',
      deployment: 'mistral-7b-instruct',
      error: 'Boom.',
    });
    const [failing = ''] = (await patchKeys('mistral-7b-instruct', ['old-demo'])).tasks;
    fresh.sandbox.tasks.arm({ outcome: 'never' });
    const [stuck = ''] = (await patchKeys('llama-3-8b-chat', ['old-demo'])).tasks;
    expect(await task(finishing)).toMatchObject({ state: 'NEW' });
    clock.advance(1500);
    expect(await task(finishing)).toMatchObject({ state: 'RUNNING' });
    clock.advance(1500);
    expect(await task(finishing)).toMatchObject({ state: 'FINISHED', error: null });
    expect(await task(failing)).toMatchObject({ state: 'ERROR', error: 'Boom.' });
    clock.advance(10 * 60_000);
    expect(await task(stuck)).toMatchObject({ state: 'RUNNING' });
  });
});

describe('v3 errors of the sandbox have the documented error shape (the spec declares none)', () => {
  it.each([
    ['duplicate name', 'POST', `${BASE}/api_keys`, { name: 'ci-pipeline' }, 409, 'ConflictError'],
    ['attached key', 'DELETE', `${BASE}/api_keys/ci-pipeline`, undefined, 409, 'ConflictError'],
    ['unknown key', 'GET', `${BASE}/api_keys/no-such-key`, undefined, 404, 'NotFoundError'],
    ['dotted path name', 'GET', `${BASE}/api_keys/a.b.c`, undefined, 400, 'ValidationError'],
    [
      'unknown key in api_keys',
      'PATCH',
      `${BASE}/deployments/llama-3-8b-chat`,
      { api_keys: ['no-such-key'] },
      404,
      'NotFoundError',
    ],
    ['unknown deployment', 'GET', `${BASE}/deployments/nope`, undefined, 404, 'NotFoundError'],
    ['unknown task', 'GET', '/cloud/v1/tasks/nope', undefined, 404, 'NotFoundError'],
    ['unknown project', 'GET', '/cloud/v3/inference/99/api_keys', undefined, 404, 'NotFoundError'],
  ])('%s: %s %s', async (_why, method, path, body, status, exceptionClass) => {
    const res = await call(method, path, { body });
    expect(res.status).toBe(status);
    const parsed = gcoreErrorBodySchema.safeParse(res.json);
    expect(parsed.success).toBe(true);
    expect(res.json).toMatchObject({ exception_class: exceptionClass });
  });
});
