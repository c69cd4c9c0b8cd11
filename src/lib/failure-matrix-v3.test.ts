// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { keysAdapterV3 } from '../features/api-keys/api/v3/api-key-v3-adapter';
import {
  bindingApiV3,
  listDeploymentsV3,
} from '../features/deployments/api/v3/deployment-v3-calls';
import { withApiTimeoutMeta } from '../test/api-timeout-meta';
import {
  FAILURE_CASES,
  FAILURE_EXPECTATIONS,
  MATRIX_REQUEST_ID,
  MATRIX_TIMEOUT_MS,
} from '../test/failure-cases';
import { setupSandbox } from '../test/sandbox-server';
import { ApiError } from './api-error';

// The test sandbox serves v2 and v3 over one store; every call below is a v3 route.
const sandbox = setupSandbox();
const PROJECT = 1;
const BASE = `/cloud/v3/inference/${PROJECT}`;
const KEY = 'ci-pipeline';
const DEPLOYMENT = 'llama-3-8b-chat';
// Faults answer before any handler, so the task need not exist: only its path matters.
const TASK = '0b7f6a2e-3c1d-4e5f-8a9b-0c1d2e3f4a5b';
const binding = bindingApiV3(PROJECT);

/** Every v3 call the app makes, with the method and path a fault must match. */
const CALLS = [
  {
    call: 'list keys',
    method: 'GET',
    path: `${BASE}/api_keys`,
    run: () => keysAdapterV3.listKeyPage(PROJECT, { limit: 100, offset: 0 }),
  },
  {
    call: 'get key',
    method: 'GET',
    path: `${BASE}/api_keys/${KEY}`,
    run: () => keysAdapterV3.getKey(PROJECT, KEY),
  },
  {
    call: 'create key',
    method: 'POST',
    path: `${BASE}/api_keys`,
    run: () =>
      keysAdapterV3.createKey(PROJECT, {
        name: 'matrix-key',
        description: null,
        expiresAt: null,
        deploymentRefs: [],
      }),
  },
  {
    call: 'update key',
    method: 'PATCH',
    path: `${BASE}/api_keys/${KEY}`,
    run: () => keysAdapterV3.updateKey(PROJECT, KEY, { description: 'x' }),
  },
  {
    call: 'delete key',
    method: 'DELETE',
    path: `${BASE}/api_keys/${KEY}`,
    run: () => keysAdapterV3.deleteKey(PROJECT, KEY),
  },
  {
    call: 'list deployments',
    method: 'GET',
    path: `${BASE}/deployments`,
    run: () => listDeploymentsV3(PROJECT),
  },
  {
    call: 'get deployment',
    method: 'GET',
    path: `${BASE}/deployments/${DEPLOYMENT}`,
    run: () => binding.getDeployment(DEPLOYMENT),
  },
  {
    call: 'PATCH deployment api_keys',
    method: 'PATCH',
    path: `${BASE}/deployments/${DEPLOYMENT}`,
    run: () => binding.setDeploymentKeys(DEPLOYMENT, [KEY, 'mobile-app-prod', 'old-demo']),
  },
  {
    call: 'get task',
    method: 'GET',
    path: `/cloud/v1/tasks/${TASK}`,
    run: () => binding.getTask(TASK),
  },
] as const;

withApiTimeoutMeta(MATRIX_TIMEOUT_MS);

describe.each(CALLS)('v3 $call', ({ method, path, run, call }) => {
  it.each(FAILURE_CASES)('$name → one request, one specific ApiError', async ({ name, fault }) => {
    sandbox.faults.arm({ ...fault, method, path });
    const outcome = await run().then(
      (value: unknown) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    // A DELETE answered 404 means the key is gone already: the one case that is not an error.
    if (call === 'delete key' && name === '404') {
      expect(outcome).toEqual({ ok: true, value: 'already-gone' });
    } else if (
      call === 'delete key' &&
      (name.startsWith('valid JSON') || name === 'malformed body')
    ) {
      // DELETE reads no body: a 200 with any body still means deleted.
      expect(outcome).toEqual({ ok: true, value: 'deleted' });
    } else {
      expect(outcome.ok).toBe(false);
      const error = (outcome as { error: unknown }).error;
      expect(error).toBeInstanceOf(ApiError);
      const { message, ...fields } = FAILURE_EXPECTATIONS[name] ?? {};
      expect(error).toMatchObject(fields);
      if (message) expect((error as ApiError).message).toMatch(message);
      if ((error as ApiError).kind === 'http' && fault.body)
        expect((error as ApiError).requestId).toBe(MATRIX_REQUEST_ID);
      if (name === '400 with invalid_fields')
        expect((error as ApiError).invalidFields).toEqual({ name: ['Bad.'] });
    }
    // Exactly one request, answered by the fault armed on its v3 path: never retried behind the
    // user's back (a deployment PATCH resent blindly could undo a concurrent edit).
    const sent = sandbox.requestLog.entries().filter((e) => e.method === method && e.path === path);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.faultId).not.toBeNull();
    expect(sandbox.faults.list()).toEqual([]);
  });
});
