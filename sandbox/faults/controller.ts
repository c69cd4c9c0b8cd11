import * as z from 'zod/mini';
import type { Armed, ArmedList } from './armed-list';

/**
 * A fault answers the next `times` requests whose method matches and whose pathname starts with
 * `path`, before authentication and before any handler: it stands in for the network or an
 * upstream failure, not for API logic.
 */
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
export type ArmedFault = Armed<FaultSpec>;
export type FaultController = ArmedList<FaultSpec>;

/** Whether a fault answers this request (method in any case; path as a prefix). */
export const matchesRequest = (method: string, pathname: string) => (fault: FaultSpec) =>
  (fault.method === undefined || fault.method.toUpperCase() === method.toUpperCase()) &&
  pathname.startsWith(fault.path);
