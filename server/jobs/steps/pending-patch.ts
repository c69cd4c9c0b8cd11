import * as z from 'zod/mini';

/**
 * A deployment PATCH whose tasks may still be running on Gcore, kept in the job's `detail` from
 * the moment the PATCH answers until its step ends: a worker taking the job over waits for these
 * tasks instead of PATCHing again. Names and ids only, never a secret.
 */
export const pendingPatchSchema = z.object({
  deployment: z.string(),
  task_ids: z.array(z.string()),
  /** When the PATCH answered, on the job clock (ms since the epoch): starts its task window. */
  sent_at: z.number(),
});
export type PendingPatch = z.infer<typeof pendingPatchSchema>;

export const pendingPatchesSchema = z.array(pendingPatchSchema);

const withPendingSchema = z.object({ pending_patches: pendingPatchesSchema });

/** The pending patches in any job's `detail`; none when it holds none or cannot be read. */
export function pendingPatchesOf(detail: unknown): PendingPatch[] {
  const parsed = withPendingSchema.safeParse(detail);
  return parsed.success ? parsed.data.pending_patches : [];
}

/** One step's view of its pending patch, the one saved before its worker stopped if any. */
export type PatchSlot = {
  saved(): PendingPatch | null;
  /** Written to the job's `detail` at once, before the tasks are polled. */
  save(patch: PendingPatch): Promise<void>;
};
