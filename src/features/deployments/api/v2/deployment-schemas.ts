import * as z from 'zod/mini';
import { listOf } from '../../../../lib/list-schema';

export const DEPLOYMENTS_PATH = '/cloud/v2/inference/deployments';

/** Statuses the spec lists for InferenceInstanceStatus; the UI still shows any other value. */
export const DEPLOYMENT_STATUSES = [
  'ACTIVE',
  'DELETED',
  'DELETING',
  'DEPLOYING',
  'DISABLED',
  'ERROR',
  'FAILED',
  'NEW',
  'PARTIALLYDEPLOYED',
  'PENDING',
] as const;

/** The part of InferenceInstanceOutSerializer (v2) the dashboard reads. */
export const deploymentSchema = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string(),
  status: z.string(),
  address: z._default(z.nullable(z.string()), null),
  description: z._default(z.nullable(z.string()), null),
  created_at: z._default(z.nullable(z.string()), null),
  api_key_ids: z._default(z.array(z.string()), []),
  /** Whether callers must send a key; absent means the spec's default, false (open to anyone). */
  auth_enabled: z.optional(z.boolean()),
});
export type Deployment = z.infer<typeof deploymentSchema>;

export const deploymentListSchema = listOf(deploymentSchema);
