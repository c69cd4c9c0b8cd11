import * as z from 'zod/mini';

/**
 * A schema built on its first parse rather than when its module evaluates. Building zod schemas
 * is most of what evaluating a contract module costs, and it sits on the page's first screen
 * (the keys call waits for its adapter's chunk), where only the read schemas are ever used; the
 * request bodies and error bodies are parsed later, if at all. Parses exactly as `build()` does.
 */
export const lazySchema = <T extends z.ZodMiniType>(build: () => T): z.ZodMiniLazy<T> =>
  z.lazy(build);
