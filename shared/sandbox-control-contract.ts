import * as z from 'zod/mini';
import { SEED_KEYS_RULE } from './read-env-integer';

/**
 * The bodies of the sandbox's control calls (`/__sandbox/…`) and the entries of its request log:
 * what the sandbox checks, and what the test harnesses (e2e, server/testing, src/test) send and
 * read, so neither side can drift from the other.
 */

/** A fault stands in for the network or an upstream failure, so it comes before the token check. */
export const faultSpecSchema = z.object({
  method: z.optional(z.string().check(z.minLength(1))),
  path: z.string().check(z.startsWith('/')),
  /** Defaults to 500 when the fault neither drops nor passes through. */
  status: z.optional(z.int().check(z.gte(200), z.lte(599))),
  body: z.optional(z.unknown()),
  bodyText: z.optional(z.string()),
  contentType: z.optional(z.string()),
  headers: z.optional(z.record(z.string(), z.string())),
  delayMs: z.optional(z.int().check(z.gte(0), z.lte(600_000))),
  drop: z.optional(z.boolean()),
  times: z.optional(z.int().check(z.gte(1))),
  passThrough: z.optional(z.boolean()),
});
export type FaultSpec = z.infer<typeof faultSpecSchema>;

/** What the next v3 task(s) will do instead of finishing. */
export const taskOutcomeSpecSchema = z.object({
  outcome: z.enum(['error', 'never']),
  /** Only tasks of this deployment; any deployment when absent. */
  deployment: z.optional(z.string().check(z.minLength(1))),
  error: z.optional(z.string()),
  times: z.optional(z.int().check(z.gte(1))),
});
export type TaskOutcomeSpec = z.infer<typeof taskOutcomeSpecSchema>;

/** `{"seedKeys": n}` adds n generated keys to the default project's seed. */
export const resetSpecSchema = z.object({
  seedKeys: z.optional(z.int().check(z.gte(SEED_KEYS_RULE.min), z.lte(SEED_KEYS_RULE.max))),
});

export type AuthVerdict = 'valid' | 'missing' | 'invalid';

export interface RequestLogEntry {
  method: string;
  path: string;
  /** The raw query string without the leading `?`; '' when there is none. */
  query: string;
  /** The parsed JSON body; null for no body or a body that is not JSON. */
  body: unknown;
  /** Only the verdict: the raw Authorization header is never kept. */
  authorization: AuthVerdict;
  /** The id of the fault that answered (or delayed) the request, null when none did. */
  faultId: number | null;
  at: string;
}
