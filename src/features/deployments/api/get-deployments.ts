import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { fetchAllPages } from '../../../lib/fetch-all-pages';
import { DEPLOYMENTS_PATH, deploymentListSchema } from './deployment-schemas';

export const deploymentKeys = {
  all: ['deployments'] as const,
  list: (projectId: number) => [...deploymentKeys.all, projectId] as const,
};

/** Every deployment of a project: the picker must offer all of them, so pages are followed. */
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

export const deploymentsQueryOptions = (projectId: number) =>
  queryOptions({
    queryKey: deploymentKeys.list(projectId),
    queryFn: ({ signal }) => getAllDeployments(projectId, signal),
    staleTime: 60_000,
  });
