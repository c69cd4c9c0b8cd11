// @vitest-environment jsdom
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { withApiTimeoutMeta } from '../test/api-timeout-meta';
import { SEED_KEY_IDS } from '../../sandbox/seed/api-keys';
import { createApiKey } from '../features/api-keys/api/create-api-key';
import { deleteApiKey } from '../features/api-keys/api/delete-api-key';
import { keyQueryOptions } from '../features/api-keys/api/key-queries';
import { keysAdapterV2 } from '../features/api-keys/api/v2/api-key-v2-adapter';
import { listApiKeys } from '../features/api-keys/api/list-api-keys';
import { updateApiKey } from '../features/api-keys/api/update-api-key';
import { getAllDeployments } from '../features/deployments/api/get-deployments';
import { projectsQueryOptions } from '../features/projects/api/get-projects';
import { FAILURE_CASES, MATRIX_REQUEST_ID, MATRIX_TIMEOUT_MS } from '../test/failure-cases';
import { setupSandbox } from '../test/sandbox-server';
import { ApiError } from './api-error';

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

type Expectation = Partial<Pick<ApiError, 'kind' | 'status' | 'retryAfterSeconds'>> & {
  message?: RegExp;
};

const EXPECTED: Record<string, Expectation> = {
  '400 with invalid_fields': { kind: 'http', status: 400 },
  '400 without invalid_fields': { kind: 'http', status: 400, message: /Malformed request/ },
  '401': { kind: 'http', status: 401, message: /Token is invalid/ },
  '403': { kind: 'http', status: 403 },
  '404': { kind: 'http', status: 404 },
  '405': { kind: 'http', status: 405 },
  '409': { kind: 'http', status: 409 },
  '429 with Retry-After': { kind: 'http', status: 429, retryAfterSeconds: 7 },
  '429 without Retry-After': { kind: 'http', status: 429, retryAfterSeconds: null },
  '500': { kind: 'http', status: 500, message: /Something broke/ },
  '502 with an HTML gateway page': {
    kind: 'http',
    status: 502,
    message: /^The API failed \(HTTP 502/,
  },
  '503': { kind: 'http', status: 503 },
  'valid JSON that breaks the schema': { kind: 'invalid-response', message: /unexpected format/ },
  'malformed body': { kind: 'invalid-response', message: /not JSON/ },
  'dropped connection': { kind: 'network' },
  'no answer (client time-out)': { kind: 'timeout', message: /did not answer within/ },
};

withApiTimeoutMeta(MATRIX_TIMEOUT_MS);

describe.each(CALLS)('$call', ({ method, path, run, call }) => {
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
      const { message, ...fields } = EXPECTED[name] ?? {};
      expect(error).toMatchObject(fields);
      if (message) expect((error as ApiError).message).toMatch(message);
      if ((error as ApiError).kind === 'http' && fault.body)
        expect((error as ApiError).requestId).toBe(MATRIX_REQUEST_ID);
      if (name === '400 with invalid_fields')
        expect((error as ApiError).invalidFields).toEqual({ name: ['Bad.'] });
    }
    // Never retried behind the user's back, whatever the call.
    const sent = sandbox.requestLog.entries().filter((e) => e.method === method && e.path === path);
    expect(sent).toHaveLength(1);
  });
});
