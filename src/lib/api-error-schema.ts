import * as z from 'zod/mini';
import { lazySchema } from './lazy-schema';

/**
 * Gcore's error body. `message` is the documented field; some Gcore services answer in the DRF
 * shape `{detail}`, so every field is optional and the client falls back between them.
 * `invalid_fields` maps a field to its messages; nested shapes (per array item) are tolerated.
 */
// Built on the first error read (lazySchema), not with the page's first load.
export const apiErrorBodySchema = lazySchema(() =>
  z.object({
    exception_class: z.optional(z.string()),
    message: z.optional(z.string()),
    detail: z.optional(z.string()),
    request_id: z.optional(z.string()),
    invalid_fields: z.optional(z.nullable(z.record(z.string(), z.unknown()))),
  }),
);

/** What the sandbox (and Gcore) always send: the strict form of the body above. */
export const gcoreErrorBodySchema = lazySchema(() =>
  z.object({
    exception_class: z.string(),
    message: z.string(),
    request_id: z.string(),
    invalid_fields: z.optional(z.record(z.string(), z.array(z.string()))),
  }),
);
