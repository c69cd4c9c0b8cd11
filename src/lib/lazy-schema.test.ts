import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { lazySchema } from './lazy-schema';

describe('lazySchema', () => {
  it('builds nothing until the first parse, then builds once', () => {
    const build = vi.fn(() => z.object({ name: z.string() }));
    const schema = lazySchema(build);
    expect(build).not.toHaveBeenCalled();
    expect(schema.parse({ name: 'a' })).toEqual({ name: 'a' });
    expect(schema.safeParse({ name: 'b' }).success).toBe(true);
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('refuses what the built schema refuses, with the same issue', () => {
    const built = z.object({ name: z.string().check(z.minLength(2, 'Too short.')) });
    const lazy = lazySchema(() => built);
    expect(lazy.safeParse({ name: 'a' }).error?.issues).toEqual(
      built.safeParse({ name: 'a' }).error?.issues,
    );
  });
});
