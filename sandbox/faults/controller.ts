import * as z from 'zod/mini';

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

export interface ArmedFault extends FaultSpec {
  id: number;
  /** How many more matching requests this fault will answer. */
  remaining: number;
}

export class FaultController {
  #faults: ArmedFault[] = [];
  #nextId = 1;

  /** Throws a ZodError for an invalid spec, so a typo in a test fails loudly. */
  arm(spec: FaultSpec): ArmedFault {
    const parsed = faultSpecSchema.parse(spec);
    const fault: ArmedFault = { ...parsed, id: this.#nextId++, remaining: parsed.times ?? 1 };
    this.#faults.push(fault);
    return { ...fault };
  }

  list(): ArmedFault[] {
    return this.#faults.map((fault) => ({ ...fault }));
  }

  clear(): void {
    this.#faults = [];
  }

  /**
   * Claims the oldest armed fault matching the request. Called synchronously on arrival, so
   * concurrent requests each use up one of `times`.
   */
  take(method: string, pathname: string): ArmedFault | undefined {
    const fault = this.#faults.find(
      (f) =>
        (f.method === undefined || f.method.toUpperCase() === method.toUpperCase()) &&
        pathname.startsWith(f.path),
    );
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.#faults = this.#faults.filter((f) => f !== fault);
    return { ...fault };
  }
}
