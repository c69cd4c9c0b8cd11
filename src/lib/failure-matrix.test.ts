// @vitest-environment jsdom
import { QueryClient } from '@tanstack/react-query';
import { describe, it } from 'vitest';
import { SEED_KEY_IDS } from '../../sandbox/seed/api-keys';
import { createApiKey } from '../features/api-keys/api/v2/create-api-key';
import { deleteApiKey } from '../features/api-keys/api/v2/delete-api-key';
import { keyQueryOptions } from '../features/api-keys/api/key-queries';
import { keysAdapterV2 } from '../features/api-keys/api/v2/api-key-v2-adapter';
import { listApiKeys } from '../features/api-keys/api/v2/list-api-keys';
import { updateApiKey } from '../features/api-keys/api/v2/update-api-key';
import { getAllDeployments } from '../features/deployments/api/v2/get-deployments';
import { projectsQueryOptions } from '../features/projects/api/get-projects';
import { FAILURE_CASES } from '../test/failure-cases';
import { checkMatrixCase } from '../test/matrix-case';
import { setupSandbox } from '../test/sandbox-server';

const sandbox = setupSandbox();
const KEY = SEED_KEY_IDS.ciPipeline;
const queryClient = () => new QueryClient({ defaultOptions: { queries: { retry: false } } });

/** Every call the app makes, with the method and path a fault must match. */
const CALLS = [
  {
    call: 'list projects',
    method: 'GET',
    path: '/cloud/v1/projects',
    run: () => queryClient().fetchQuery(projectsQueryOptions()),
  },
  {
    call: 'list deployments',
    method: 'GET',
    path: '/cloud/v2/inference/deployments',
    run: () => getAllDeployments(1),
  },
  {
    call: 'list keys',
    method: 'GET',
    path: '/cloud/v2/inference/api_keys',
    run: () => listApiKeys({ projectId: 1, limit: 10, offset: 0 }),
  },
  {
    call: 'get key',
    method: 'GET',
    path: `/cloud/v2/inference/api_keys/${KEY}`,
    run: () => queryClient().fetchQuery(keyQueryOptions(keysAdapterV2, 1, KEY)),
  },
  {
    call: 'create key',
    method: 'POST',
    path: '/cloud/v2/inference/api_keys',
    run: () => createApiKey({ name: 'matrix-key' }),
  },
  {
    call: 'update key',
    method: 'PATCH',
    path: `/cloud/v2/inference/api_keys/${KEY}`,
    run: () => updateApiKey(KEY, { description: 'x' }),
  },
  {
    call: 'delete key',
    method: 'DELETE',
    path: `/cloud/v2/inference/api_keys/${KEY}`,
    run: () => deleteApiKey(KEY),
  },
] as const;

describe.each(CALLS)('$call', (call) => {
  it.each(FAILURE_CASES)('$name → one request, one specific ApiError', async (failure) => {
    await checkMatrixCase(sandbox, call, failure);
  });
});
