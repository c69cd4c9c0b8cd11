import { apiRequest } from '../../../../lib/api-client';
import { fetchAllPages } from '../../../../lib/fetch-all-pages';
import { DEPLOYMENTS_PATH, deploymentListSchema } from './deployment-schemas';

/**
 * Every deployment of a project (v2): the picker must offer all of them, so pages are followed.
 * The UI reaches it through `keysAdapterV2.listDeployments`.
 */
export function getAllDeployments(projectId: number, signal?: AbortSignal) {
  return fetchAllPages(
    (offset, limit) =>
      apiRequest({
        method: 'GET',
        path: DEPLOYMENTS_PATH,
        query: { project_id: projectId, limit, offset, order_by: 'name.asc' },
        schema: deploymentListSchema,
        signal,
      }),
    { keyOf: (deployment) => deployment.id },
  );
}
