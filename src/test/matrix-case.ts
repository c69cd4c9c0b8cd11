import { expect } from 'vitest';
import type { Sandbox } from '../../sandbox/create-sandbox';
import { apiTimeoutForThisTest } from './api-timeout-meta';
import { ApiError } from '../lib/api-error';
import {
  FAILURE_EXPECTATIONS,
  MATRIX_REQUEST_ID,
  MATRIX_TIMEOUT_MS,
  type FailureCase,
} from './failure-cases';

export type MatrixCall = {
  call: string;
  method: string;
  path: string;
  run: () => Promise<unknown>;
};

/**
 * One cell of the failure matrix, the same verdict for both generations: the fault armed on the
 * call's path, one specific ApiError (or the two delete answers that mean "gone"), and exactly one
 * request — never retried behind the user's back. Returns what the sandbox saw, for extra checks.
 */
export async function checkMatrixCase(
  sandbox: Sandbox,
  { call, method, path, run }: MatrixCall,
  { name, fault }: FailureCase,
) {
  sandbox.faults.arm({ ...fault, method, path });
  if (fault.delayMs !== undefined) apiTimeoutForThisTest(MATRIX_TIMEOUT_MS);
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
    const { message, neverSent, ...fields } = FAILURE_EXPECTATIONS[name] ?? {};
    expect(error).toMatchObject(fields);
    if (neverSent !== undefined) {
      expect((error as ApiError).neverSent).toBe(neverSent);
      expect((error as ApiError).outcomeUnknown).toBe(!neverSent);
    }
    if (message) expect((error as ApiError).message).toMatch(message);
    if ((error as ApiError).kind === 'http' && fault.body)
      expect((error as ApiError).requestId).toBe(MATRIX_REQUEST_ID);
    if (name === '400 with invalid_fields')
      expect((error as ApiError).invalidFields).toEqual({ name: ['Bad.'] });
  }
  const sent = sandbox.requestLog.entries().filter((e) => e.method === method && e.path === path);
  expect(sent).toHaveLength(1);
  return sent;
}
