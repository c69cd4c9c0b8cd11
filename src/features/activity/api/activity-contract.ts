import * as z from 'zod/mini';

/**
 * The contract between the page and the server's activity log (`/__app/activity`): one zod
 * source for the server's query checks and the page's parsing of its answers. An event is one
 * write through the dashboard, as its audit line named it: names, ids and outcomes, never a
 * token, a secret or a body.
 */
export const ACTIVITY_PATH = '/__app/activity';
export const ACTIVITY_PAGE_SIZE = 50;
const MAX_LIMIT = 200;

const digits = (max: number) => z.string().check(z.regex(new RegExp(`^[1-9]\\d{0,${max - 1}}$`)));

const keySchema = z.string().check(z.minLength(1), z.maxLength(256));

/**
 * `?project_id=1&key=<name or v2 id>&before=<id>&limit=50`, as the server reads it. `key_id`:
 * the same key's other identity (a v2 key's id beside its name), as its create names it by name
 * and later writes by id.
 */
export const activityQuerySchema = z.object({
  project_id: digits(15),
  key: z.optional(keySchema),
  key_id: z.optional(keySchema),
  before: z.optional(digits(18)),
  limit: z.optional(
    z.string().check(
      z.regex(/^\d{1,3}$/),
      z.refine((text) => Number(text) >= 1 && Number(text) <= MAX_LIMIT),
    ),
  ),
});
export type ActivityQuery = z.infer<typeof activityQuerySchema>;

/** What each query parameter must be, in the words a 400 answer uses. */
export const ACTIVITY_QUERY_RULES: Record<keyof ActivityQuery, string> = {
  project_id: 'project_id must be a positive whole number, as in ?project_id=1.',
  key: 'key must be a key name or id of 1 to 256 characters.',
  key_id: 'key_id must be a key id of 1 to 256 characters.',
  before: 'before must be the id of an event, a positive whole number.',
  limit: `limit must be a whole number from 1 to ${MAX_LIMIT}.`,
};

const detailValueSchema = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.string()),
]);

export const activityEventSchema = z.object({
  /** Ordered: a larger id was recorded later. A string, as PostgreSQL's bigint may not fit. */
  id: z.string(),
  time: z.string(),
  user: z.string(),
  /** create, update, delete, bind, rotate, retire, keep, unlisted-write, … */
  action: z.string(),
  project: z.nullable(z.number()),
  key_name: z.nullable(z.string()),
  key_id: z.nullable(z.string()),
  deployment: z.nullable(z.string()),
  status: z.number(),
  request_id: z.string(),
  upstream_request_id: z.nullable(z.string()),
  /** The remaining safe fields: keys_added, keys_removed, auth, replaced_by, retire_at, method. */
  detail: z.record(z.string(), detailValueSchema),
});
export type ActivityEvent = z.infer<typeof activityEventSchema>;

export const activityPageSchema = z.object({
  results: z.array(activityEventSchema),
  /** Pass as `before` for the next, older page; null when this was the oldest. */
  next_before: z.nullable(z.string()),
});
export type ActivityPage = z.infer<typeof activityPageSchema>;
