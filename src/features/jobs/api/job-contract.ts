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

/** `retire` is scheduled work (a rotation's old key); the others start at once. */
export const jobKindSchema = z.enum(['bind', 'unbind', 'detach-and-delete', 'retire']);
export type JobKind = z.infer<typeof jobKindSchema>;

/**
 * `queued`: waiting for a worker (or for `run_after`). `running`: a worker holds its lease.
 * `interrupted`: a personal-token job whose token is gone (restart, or its replica died):
 * it waits for someone signed in to resume it. `done` / `failed`: finished, `failure` says why.
 * `cancelled`: a scheduled job someone called off.
 */
export const jobStateSchema = z.enum([
  'queued',
  'running',
  'interrupted',
  'done',
  'failed',
  'cancelled',
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
});
export type Job = z.infer<typeof jobSchema>;

export const jobListSchema = z.object({ results: z.array(jobSchema) });

/**
 * What the page posts to start a job. Deployments: the ones to change, at most 100. `retire` is
 * started by a rotation on the server's side, never posted.
 */
export const startJobInputSchema = z.strictObject({
  kind: z.enum(['bind', 'unbind', 'detach-and-delete']),
  project_id: z.number().check(z.int(), z.positive()),
  key_name: v3SpecKeyNameSchema,
  deployments: z.array(z.string().check(z.minLength(1), z.maxLength(63))).check(z.maxLength(100)),
  run_after: z.optional(z.nullable(z.iso.datetime())),
});
export type StartJobInput = z.infer<typeof startJobInputSchema>;
