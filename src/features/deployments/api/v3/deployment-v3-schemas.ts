import * as z from 'zod/mini';
import { lazySchema } from '../../../../lib/lazy-schema';
import { listOf } from '../../../../lib/list-schema';
import { v3SpecKeyNameSchema } from './v3-spec-key-name';

/**
 * The v3 deployment contract, the part the dashboard reads (InferenceInstanceOutSerializerV3) and
 * the one field it writes (InferenceInstanceInUpdateSerializerV3.api_keys), plus the tasks a
 * deployment PATCH answers with (TaskIDsSerializer, TaskSerializer).
 */
export const v3DeploymentsPath = (projectId: number) =>
  `/cloud/v3/inference/${projectId}/deployments`;
export const v3DeploymentPath = (projectId: number, name: string) =>
  `${v3DeploymentsPath(projectId)}/${encodeURIComponent(name)}`;
export const taskPath = (taskId: string) => `/cloud/v1/tasks/${encodeURIComponent(taskId)}`;

export const deploymentV3Schema = z.object({
  name: z.string().check(z.minLength(1)),
  status: z.string(),
  address: z._default(z.nullable(z.string()), null),
  description: z._default(z.nullable(z.string()), null),
  created_at: z._default(z.nullable(z.string()), null),
  // Decision: null and [] both mean "no key": authentication is off, the deployment is public.
  api_keys: z.pipe(
    z._default(z.nullable(z.array(z.string())), null),
    z.transform((keys) => keys ?? []),
  ),
});
export type DeploymentV3 = z.infer<typeof deploymentV3Schema>;

export const deploymentV3ListSchema = listOf(deploymentV3Schema);

/**
 * The whole key list of a deployment, replacing the old one. Never `auth_enabled` (deprecated, and
 * refused together with `api_keys`), never `null`; only names a key can have. The gateway checks
 * the same contract (server/gateway/body-contracts.ts).
 */
export const patchDeploymentKeysInputSchema = lazySchema(() =>
  z.strictObject({ api_keys: z.array(v3SpecKeyNameSchema) }),
);
export type PatchDeploymentKeysInput = z.infer<typeof patchDeploymentKeysInputSchema>;

// A binding's answers: built when a binding first runs, not with the list's first screen.
export const taskIdsSchema = lazySchema(() =>
  z.object({ tasks: z.array(z.string().check(z.minLength(1))) }),
);

export const taskSchema = lazySchema(() =>
  z.object({
    id: z.string().check(z.minLength(1)),
    // Any other state is read as still pending, as Gcore's SDKs do.
    state: z.string(),
    task_type: z._default(z.nullable(z.string()), null),
    error: z._default(z.nullable(z.string()), null),
  }),
);
export type Task = z.infer<typeof taskSchema>;
