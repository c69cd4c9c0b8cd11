import { apiRequest } from '../../../../lib/api-client';
import { fetchAllPages } from '../../../../lib/fetch-all-pages';
import type { DeploymentRecord } from '../deployment-record';
import {
  deploymentV3ListSchema,
  deploymentV3Schema,
  patchDeploymentKeysInputSchema,
  taskIdsSchema,
  taskPath,
  taskSchema,
  v3DeploymentPath,
  v3DeploymentsPath,
  type DeploymentV3,
  type Task,
} from './deployment-v3-schemas';

/**
 * The three v3 calls a binding change is made of (the server's jobs make them; the page reads
 * deployments only): kept here, typed by the contract, for the contract and failure tests.
 */
export type DeploymentCallsV3 = {
  getDeployment: (name: string, signal?: AbortSignal) => Promise<DeploymentV3>;
  /** PATCHes the deployment's whole `api_keys` list; resolves to the task ids to poll. */
  setDeploymentKeys: (name: string, apiKeys: string[], signal?: AbortSignal) => Promise<string[]>;
  getTask: (id: string, signal?: AbortSignal) => Promise<Task>;
};

export const toDeploymentRecordV3 = (deployment: DeploymentV3): DeploymentRecord => ({
  ref: deployment.name,
  name: deployment.name,
  status: deployment.status,
  address: deployment.address,
  keyRefs: [...deployment.api_keys],
  // v3's own `auth_enabled` is deprecated; the spec ties authentication to the key list.
  authEnabled: deployment.api_keys.length > 0,
});

const byName = (a: DeploymentRecord, b: DeploymentRecord) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

/**
 * Every deployment of a project (v3 lists have no order: sorted by name here). By code point, as
 * the keys' names are sorted: v3 names are lower-case letters, digits and hyphens, where that is
 * the collation's order too, and the collation's first use loads ICU data (10 ms and more) on the
 * main thread while the key list is loading.
 */
export async function listDeploymentsV3(projectId: number, signal?: AbortSignal) {
  const all = await fetchAllPages(
    (offset, limit) =>
      apiRequest({
        method: 'GET',
        path: v3DeploymentsPath(projectId),
        query: { limit, offset },
        schema: deploymentV3ListSchema,
        signal,
      }),
    { keyOf: (deployment) => deployment.name },
  );
  return all.map(toDeploymentRecordV3).sort(byName);
}

/** The deployment calls of a binding change, bound to one project. */
export function bindingApiV3(projectId: number): DeploymentCallsV3 {
  return {
    getDeployment: (name, signal) =>
      apiRequest({
        method: 'GET',
        path: v3DeploymentPath(projectId, name),
        schema: deploymentV3Schema,
        signal,
      }),
    setDeploymentKeys: async (name, apiKeys, signal) => {
      const { tasks } = await apiRequest({
        method: 'PATCH',
        path: v3DeploymentPath(projectId, name),
        body: patchDeploymentKeysInputSchema.parse({ api_keys: apiKeys }),
        schema: taskIdsSchema,
        signal,
      });
      return tasks;
    },
    getTask: (id, signal) =>
      apiRequest({ method: 'GET', path: taskPath(id), schema: taskSchema, signal }),
  };
}
