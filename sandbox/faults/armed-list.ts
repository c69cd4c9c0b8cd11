import type * as z from 'zod/mini';

export type Armed<S> = S & { id: number; remaining: number };

/**
 * What a test arms ahead of time (faults, task outcomes), oldest first, each used up by its next
 * `times` (default 1) matches. Specs are parsed here, so a typo in a test fails loudly.
 */
export class ArmedList<S extends { times?: number }> {
  #armed: Armed<S>[] = [];
  #nextId = 1;

  constructor(private readonly schema: z.ZodMiniType<S>) {}

  arm(spec: S): Armed<S> {
    const parsed = this.schema.parse(spec);
    const armed = { ...parsed, id: this.#nextId++, remaining: parsed.times ?? 1 };
    this.#armed.push(armed);
    return { ...armed };
  }

  list(): Armed<S>[] {
    return this.#armed.map((armed) => ({ ...armed }));
  }

  clear(): void {
    this.#armed = [];
  }

  /** Claims the oldest match. Synchronous, so concurrent requests each use up one of `times`. */
  claim(matches: (spec: S) => boolean): Armed<S> | undefined {
    const armed = this.#armed.find(matches);
    if (armed && --armed.remaining <= 0) this.#armed = this.#armed.filter((a) => a !== armed);
    return armed && { ...armed };
  }
}
