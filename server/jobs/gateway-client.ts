import * as z from 'zod/mini';
import { apiKeySchema, type ApiKey } from '../../src/features/api-keys/api/api-key-schemas.ts';
import { apiKeyPath } from '../../src/features/api-keys/api/v2/api-key-path.ts';
import {
  apiKeyV3Schema,
  v3ApiKeyPath,
} from '../../src/features/api-keys/api/v3/api-key-v3-schemas.ts';
import {
  deploymentV3Schema,
  patchDeploymentKeysInputSchema,
  taskIdsSchema,
  taskPath,
  taskSchema,
  v3DeploymentPath,
  type DeploymentV3,
  type Task,
} from '../../src/features/deployments/api/v3/deployment-v3-schemas.ts';
import {
  createGatewayCall,
  type GatewayCall,
  type GatewayCallOptions,
  type JobCallScope,
} from './gateway-call.ts';
import { GatewayCallError } from './gateway-call-error.ts';

/** The calls a job makes, bound to one job; each throws GatewayCallError on failure. */
export type JobCalls = {
  getDeployment(name: string): Promise<DeploymentV3>;
  /** PATCHes the deployment's whole `api_keys` list; resolves to the task ids to poll. */
  setDeploymentKeys(name: string, apiKeys: string[]): Promise<string[]>;
  getTask(id: string): Promise<Task>;
  /** A key already gone (404) counts as deleted. */
  deleteKey(name: string): Promise<'deleted' | 'already-gone'>;
  /** The deployments the key is attached to, as the API says now. */
  keyDeployments(name: string): Promise<string[]>;
  /** v2: a key by its UUID, with the instances it unlocks. */
  getKeyV2(keyId: string): Promise<ApiKey>;
  /** v2: a key already gone (404) counts as deleted. */
  deleteKeyV2(keyId: string): Promise<'deleted' | 'already-gone'>;
};

export type GatewayClient = { forJob(scope: JobCallScope): JobCalls };

export type GatewayClientOptions = GatewayCallOptions;

const noAnswer = z.unknown();

/**
 * A job reaches Gcore only through this server's own `/cloud` gateway, over loopback, so the
 * route table, body contracts, task memory and audit lines apply to it as to the page.
 */
export function createGatewayClient(options: GatewayClientOptions): GatewayClient {
  const call = createGatewayCall(options);
  return {
    forJob: (scope) => {
      const { projectId } = scope;
      const remove = (path: string) => deleteOnce(call, scope, path);
      return {
        getDeployment: (name) =>
          call(
            scope,
            { method: 'GET', path: v3DeploymentPath(projectId, name) },
            deploymentV3Schema,
          ),
        setDeploymentKeys: async (name, apiKeys) => {
          const body = patchDeploymentKeysInputSchema.parse({ api_keys: apiKeys });
          const path = v3DeploymentPath(projectId, name);
          return (await call(scope, { method: 'PATCH', path, body }, taskIdsSchema)).tasks;
        },
        getTask: (id) => call(scope, { method: 'GET', path: taskPath(id) }, taskSchema),
        deleteKey: (name) => remove(v3ApiKeyPath(projectId, name)),
        keyDeployments: async (name) => {
          const path = v3ApiKeyPath(projectId, name);
          return (await call(scope, { method: 'GET', path }, apiKeyV3Schema)).deployment_names;
        },
        getKeyV2: (keyId) => call(scope, { method: 'GET', path: apiKeyPath(keyId) }, apiKeySchema),
        deleteKeyV2: (keyId) => remove(apiKeyPath(keyId)),
      };
    },
  };
}

async function deleteOnce(
  call: GatewayCall,
  scope: JobCallScope,
  path: string,
): Promise<'deleted' | 'already-gone'> {
  try {
    await call(scope, { method: 'DELETE', path }, noAnswer);
    return 'deleted';
  } catch (error) {
    if (error instanceof GatewayCallError && error.status === 404) return 'already-gone';
    throw error;
  }
}
