// @vitest-environment node
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keysAdapterV3 } from '../src/features/api-keys/api/v3/api-key-v3-adapter';
import { bindingApiV3 } from '../src/features/deployments/api/v3/deployment-v3-calls';
import { createSandbox } from '../sandbox/create-sandbox';
import type { JobCalls } from '../server/jobs/gateway-client.ts';
import { applyBindingChange } from '../server/jobs/steps/binding-change.ts';
import { v3Spec } from './spec-validator';

/**
 * The bodies the real v3 client puts on the wire — through the adapter, and the deployment
 * PATCHes of the server's binding step over the typed deployment calls, answered by the sandbox —
 * validate against the request schemas the v3 file names.
 */
const CREATE = v3Spec.requestSchemaName('/cloud/v3/inference/{project_id}/api_keys', 'post') ?? '';
const UPDATE =
  v3Spec.requestSchemaName('/cloud/v3/inference/{project_id}/api_keys/{api_key_name}', 'patch') ??
  '';
const PATCH_DEPLOYMENT =
  v3Spec.requestSchemaName(
    '/cloud/v3/inference/{project_id}/deployments/{deployment_name}',
    'patch',
  ) ?? '';

type Sent = { method: string; path: string; body: unknown };
let now = 0;
let sent: Sent[] = [];

beforeEach(() => {
  now = Date.parse('2026-12-02T10:00:00Z');
  sent = [];
  const sandbox = createSandbox({ now: () => new Date(now), taskDurationMs: 3000 });
  vi.stubGlobal('location', { origin: 'http://dashboard.test' });
  vi.stubGlobal('fetch', async (input: string, init: RequestInit) => {
    const body = init.body === undefined ? undefined : (JSON.parse(String(init.body)) as unknown);
    sent.push({ method: init.method ?? 'GET', path: new URL(input).pathname, body });
    const headers = new Headers(init.headers);
    headers.set('authorization', `APIKey ${sandbox.token}`);
    return sandbox.fetch(new Request(input, { ...init, headers }));
  });
});
afterEach(() => vi.unstubAllGlobals());

const writes = (method: string) => sent.filter((s) => s.method === method).map((s) => s.body);

const newKey = fc.record({
  name: fc.stringMatching(/^[a-z0-9][-a-z0-9]{2,40}[a-z0-9]$/),
  description: fc.option(fc.string({ maxLength: 300 })),
  expiresAt: fc.option(
    fc
      .integer({ min: 60, max: 5 * 365 * 24 * 3600 })
      .map((s) => new Date(Date.parse('2026-12-02T10:00:00Z') + s * 1000))
      .map((d) => d.toISOString().replace(/\.\d{3}Z$/, 'Z')),
  ),
  deploymentRefs: fc.constant([] as string[]),
});

describe('the v3 client builds bodies the v3 spec accepts', () => {
  it('create, for any key the form can produce (the sandbox accepts each, too)', async () => {
    await fc.assert(
      fc.asyncProperty(newKey, async (key) => {
        const before = writes('POST').length;
        // A unique name per run: a 409 would still send the body, but prove less.
        const created = await keysAdapterV3.createKey(1, { ...key, name: `${key.name}-${before}` });
        const body = writes('POST').at(-1);
        expect(writes('POST')).toHaveLength(before + 1);
        expect(v3Spec.validateAgainstSpec(CREATE, body)).toEqual([]);
        expect(body).not.toHaveProperty('deployment_names');
        expect(created.secret).not.toBe('');
      }),
      { numRuns: 40 },
    );
  });

  it.each([['New text'], [''], [null]])('update with description %j', async (description) => {
    await keysAdapterV3.updateKey(1, 'old-demo', { description });
    expect(writes('PATCH')).toEqual([{ description }]);
    expect(v3Spec.validateAgainstSpec(UPDATE, writes('PATCH')[0])).toEqual([]);
  });

  it("deployment PATCHes of the jobs' binding step: attach, detach, and detaching the last key ([])", async () => {
    const clock = {
      now: () => now,
      sleep: async (ms: number) => {
        now += ms;
      },
    };
    const deployments = bindingApiV3(1);
    const calls: JobCalls = {
      getDeployment: (name) => deployments.getDeployment(name),
      setDeploymentKeys: (name, apiKeys) => deployments.setDeploymentKeys(name, apiKeys),
      getTask: (id) => deployments.getTask(id),
      deleteKey: () => Promise.reject(new Error('A binding change deletes no key.')),
      keyDeployments: () => Promise.reject(new Error('A binding change asks no key.')),
      getKeyV2: () => Promise.reject(new Error('A binding change reads no v2 key.')),
      deleteKeyV2: () => Promise.reject(new Error('A binding change deletes no key.')),
    };
    const run = (deployment: string, keyName: string, attach: boolean) =>
      applyBindingChange(
        { deployment, keyName, attach },
        {
          calls,
          clock,
          pollIntervalMs: 3_000,
          giveUpAfterMs: 600_000,
          signal: new AbortController().signal,
          deadline: now + 600_000,
        },
      );
    expect(await run('whisper-large-v3', 'old-demo', true)).toMatchObject({ status: 'done' });
    expect(await run('llama-3-8b-chat', 'ci-pipeline', false)).toMatchObject({ status: 'done' });
    expect(await run('whisper-large-v3', 'old-demo', false)).toMatchObject({ status: 'done' });
    expect((await deployments.getDeployment('whisper-large-v3')).api_keys).toEqual([]);
    expect(writes('PATCH')).toEqual([
      { api_keys: ['old-demo'] },
      { api_keys: ['mobile-app-prod'] },
      { api_keys: [] },
    ]);
    for (const body of writes('PATCH')) {
      expect(v3Spec.validateAgainstSpec(PATCH_DEPLOYMENT, body)).toEqual([]);
    }
  });
});
