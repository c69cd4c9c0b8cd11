import { isGatewayCallError, type GatewayCallError } from '../gateway-call-error.ts';
import type { StepOptions } from './step-options.ts';
import { gaveUpReason } from './step-words.ts';

const FIRST_PAUSE_MS = 1_000;
const LONGEST_PAUSE_MS = 30_000;

/** Thrown when transient failures went on past the step's deadline: the last one, explained. */
export class GaveUpError extends Error {
  readonly last: GatewayCallError;

  constructor(last: GatewayCallError, giveUpAfterMs: number) {
    super(gaveUpReason(giveUpAfterMs, last));
    this.name = 'GaveUpError';
    this.last = last;
  }
}

/**
 * Runs `attempt` until it settles, again after every transient failure (429, 5xx, network,
 * time-out) with pauses of 1, 2, 4, … s (at most 30 s, longer when the API's Retry-After asks),
 * until `deadline`; then throws GaveUpError. Anything else, and the job's abort, are thrown as is.
 * `attempt` must be safe to run again: the steps re-read before they write.
 */
export async function withRetries<T>(
  attempt: () => Promise<T>,
  options: StepOptions & { deadline: number },
): Promise<T> {
  const { clock, signal } = options;
  let pause = FIRST_PAUSE_MS;
  for (;;) {
    signal.throwIfAborted();
    try {
      return await attempt();
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      if (!isGatewayCallError(error) || !error.transient) throw error;
      const asked = (error.retryAfterSeconds ?? 0) * 1000;
      const wait = Math.min(LONGEST_PAUSE_MS, Math.max(pause, asked));
      if (clock.now() + wait > options.deadline) {
        throw new GaveUpError(error, options.giveUpAfterMs);
      }
      await clock.sleep(wait, signal);
      pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
    }
  }
}

export type StepResult<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * One step with its own deadline: its value, or the error it ended on. Only the
 * job's abort is thrown: the runner re-queues the job and nothing is marked failed.
 */
export async function runStep<T>(
  step: (deadline: number) => Promise<T>,
  options: StepOptions,
): Promise<StepResult<T>> {
  const deadline = options.clock.now() + options.giveUpAfterMs;
  try {
    return { ok: true, value: await withRetries(() => step(deadline), { ...options, deadline }) };
  } catch (error) {
    if (options.signal.aborted) throw options.signal.reason;
    return { ok: false, error };
  }
}
