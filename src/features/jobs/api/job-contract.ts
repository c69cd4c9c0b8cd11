import * as z from 'zod/mini';
import { v3SpecKeyNameSchema } from '../../deployments/api/v3/v3-spec-key-name';

/**
 * The contract between the page and the server's jobs service (`/__app/jobs`): one zod source
 * for the server's request checks, its answers and the page's parsing. A job changes v3 key
 * bindings on Gcore, step by step, in the server, so the work finishes whatever happens to the tab.
 */
export const JOBS_PATH = '/__app/jobs';
export const jobPath = (id: string) => `${JOBS_PATH}/${encodeURIComponent(id)}`;
export const jobRetryPath = (id: string) => `${jobPath(id)}/retry`;
/** A scheduled or held retirement: run it now ("Retire now"). */
export const jobRunNowPath = (id: string) => `${jobPath(id)}/run-now`;
/** A scheduled or held retirement: call it off ("Keep"), both keys stay. */
export const jobCancelPath = (id: string) => `${jobPath(id)}/cancel`;
/** What the server allows a rotation: `{ retire_min_delay_ms }` (`RETIRE_MIN_DELAY_MS`). */
export const JOBS_SETTINGS_PATH = '/__app/jobs-settings';
export const jobsSettingsSchema = z.object({
  /** The shortest grace a scheduled retirement may have; "now" and "manual" are always allowed. */
  retire_min_delay_ms: z.number().check(z.int(), z.nonnegative()),
});
export type JobsSettings = z.infer<typeof jobsSettingsSchema>;

/** `retire` is scheduled work (a rotation's old key); the others start at once. */
export const jobKindSchema = z.enum(['bind', 'unbind', 'detach-and-delete', 'retire']);
export type JobKind = z.infer<typeof jobKindSchema>;

/**
 * `queued`: waiting for a worker (or for `run_after`). `running`: a worker holds its lease.
 * `interrupted`: a personal-token job whose token is gone (restart, or its replica died):
 * it waits for someone signed in to resume it. `done` / `failed`: finished, `failure` says why.
 * `cancelled`: a scheduled job someone called off ("Keep").
 * `held`: a retirement waiting for someone to say "Retire now" ("I'll retire it myself").
 */
export const jobStateSchema = z.enum([
  'queued',
  'running',
  'interrupted',
  'done',
  'failed',
  'cancelled',
  'held',
]);
export type JobState = z.infer<typeof jobStateSchema>;

/** Where one deployment stands in its job. */
export const jobStepSchema = z.object({
  deployment: z.string(),
  status: z.enum(['pending', 'running', 'done', 'failed']),
  /** Why it failed, a sentence that stands on its own. */
  message: z.nullable(z.string()),
});
export type JobStep = z.infer<typeof jobStepSchema>;

const uuidSchema = z
  .string()
  .check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i));

/** A retirement's other half: the key that replaces the one it retires. */
export const rotationSchema = z.object({
  /** The new key's name. */
  replaced_by: z.string(),
  /** v2 names keys by UUID: the old key's and the new key's; null on v3, where names do. */
  key_id: z.nullable(uuidSchema),
  replaced_by_id: z.nullable(uuidSchema),
  /** The new key's bind job: the retirement waits for it, and does not run if it failed. */
  after_job: z.nullable(uuidSchema),
});
export type Rotation = z.infer<typeof rotationSchema>;

export const jobSchema = z.object({
  id: z.string().check(z.minLength(1)),
  kind: jobKindSchema,
  state: jobStateSchema,
  project_id: z.number().check(z.int()),
  key_name: z.string(),
  /** One per deployment the job changes, in the order it works through them. */
  steps: z.array(jobStepSchema),
  /** detach-and-delete and retire: whether the key itself is gone yet. */
  key_deleted: z.boolean(),
  /** Why the job stopped, when it is `failed` or `interrupted`. */
  failure: z.nullable(z.string()),
  /** Who started it: the audit identity ("shared token" / "personal token" without SSO). */
  started_by: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  /** Not before this instant (a scheduled retirement); null for "at once". */
  run_after: z.nullable(z.string()),
  /** `retire` only: what replaces the key; null for every other kind. */
  rotation: z.nullable(rotationSchema),
});
export type Job = z.infer<typeof jobSchema>;

export const jobListSchema = z.object({ results: z.array(jobSchema) });

/** What the page posts to start a job. Deployments: the ones to change, at most 100. */
export const startJobInputSchema = z.strictObject({
  kind: z.enum(['bind', 'unbind', 'detach-and-delete']),
  project_id: z.number().check(z.int(), z.positive()),
  key_name: v3SpecKeyNameSchema,
  deployments: z.array(z.string().check(z.minLength(1), z.maxLength(63))).check(z.maxLength(100)),
  run_after: z.optional(z.nullable(z.iso.datetime())),
});
export type StartJobInput = z.infer<typeof startJobInputSchema>;

/**
 * What a rotation posts once the new key exists: retire the old one at `run_after` (at least
 * `retire_min_delay_ms` ahead, or now), or hold it (`run_after: null`) until "Retire now".
 * Deployments: v3, the ones the old key is bound to; v2, the instances it unlocks.
 * The key's name is the v3 identity; on v2 it only labels `key_id`, so any name v2 allows fits.
 */
export const startRetireInputSchema = z.strictObject({
  kind: z.literal('retire'),
  project_id: z.number().check(z.int(), z.positive()),
  key_name: z.string().check(z.minLength(1), z.maxLength(255)),
  key_id: z.nullable(uuidSchema),
  replaced_by: z.string().check(z.minLength(1), z.maxLength(255)),
  replaced_by_id: z.nullable(uuidSchema),
  after_job: z.nullable(uuidSchema),
  deployments: z.array(z.string().check(z.minLength(1), z.maxLength(63))).check(z.maxLength(100)),
  run_after: z.nullable(z.iso.datetime()),
});
export type StartRetireInput = z.infer<typeof startRetireInputSchema>;

/** Anything `POST /__app/jobs` takes. */
export const startAnyJobInputSchema = z.union([startJobInputSchema, startRetireInputSchema]);
export type StartAnyJobInput = z.infer<typeof startAnyJobInputSchema>;
