import { expect, onTestFinished, vi } from 'vitest';
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
  const sentNow = () =>
    sandbox.requestLog.entries().filter((e) => e.method === method && e.path === path);
  const outcome =
    fault.delayMs === undefined ? await outcomeOf(run()) : await timedOut(run, sentNow);
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
  const sent = sentNow();
  expect(sent).toHaveLength(1);
  return sent;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

function outcomeOf(call: Promise<unknown>): Promise<Outcome> {
  return call.then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error }),
  );
}

/**
 * The unanswered call on a fake clock: held by the sandbox, still waiting a millisecond before
 * the page's time-out, given up at it — whatever the machine's load, and without waiting for it.
 */
async function timedOut(run: () => Promise<unknown>, sentNow: () => unknown[]): Promise<Outcome> {
  apiTimeoutForThisTest(MATRIX_TIMEOUT_MS);
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  onTestFinished(() => {
    vi.useRealTimers();
  });
  let settled = false;
  const pending = outcomeOf(run()).finally(() => (settled = true));
  // Held first, so the page's wait runs from the fake clock's present.
  await vi.advanceTimersByTimeAsync(0);
  expect(sentNow()).toHaveLength(1);
  await vi.advanceTimersByTimeAsync(MATRIX_TIMEOUT_MS - 1);
  expect(settled).toBe(false);
  await vi.advanceTimersByTimeAsync(1);
  expect(settled).toBe(true);
  return pending;
}
