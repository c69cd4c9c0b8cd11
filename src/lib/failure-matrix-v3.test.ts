// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { keysAdapterV3 } from '../features/api-keys/api/v3/api-key-v3-adapter';
import {
  bindingApiV3,
  listDeploymentsV3,
} from '../features/deployments/api/v3/deployment-v3-calls';
import { FAILURE_CASES } from '../test/failure-cases';
import { checkMatrixCase } from '../test/matrix-case';
import { setupSandbox } from '../test/sandbox-server';

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

describe.each(CALLS)('v3 $call', (call) => {
  it.each(FAILURE_CASES)('$name → one request, one specific ApiError', async (failure) => {
    const sent = await checkMatrixCase(sandbox, call, failure);
    // Answered by the fault armed on its v3 path (a deployment PATCH resent blindly could undo a
    // concurrent edit).
    expect(sent[0]?.faultId).not.toBeNull();
    expect(sandbox.faults.list()).toEqual([]);
  });
});
