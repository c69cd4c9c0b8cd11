import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { MAX_PAGE_SIZE } from '../../../lib/list-schema';
import { deploymentListSchema, type Deployment } from './deployment-schemas';

export const DEPLOYMENTS_PATH = '/cloud/v2/inference/deployments';

export const deploymentKeys = {
  all: ['deployments'] as const,
  list: (projectId: number) => [...deploymentKeys.all, projectId] as const,
};

/** Every deployment of a project: the picker must offer all of them, so pages are followed. */
export async function getAllDeployments(projectId: number, signal?: AbortSignal) {
  const deployments: Deployment[] = [];
  for (let offset = 0; ; offset += MAX_PAGE_SIZE) {
    const page = await apiRequest({
      method: 'GET',
      path: DEPLOYMENTS_PATH,
      query: { project_id: projectId, limit: MAX_PAGE_SIZE, offset, order_by: 'name.asc' },
      schema: deploymentListSchema,
      signal,
    });
    deployments.push(...page.results);
    if (page.results.length === 0 || deployments.length >= page.count) return deployments;
  }
}

export const deploymentsQueryOptions = (projectId: number) =>
  queryOptions({
    queryKey: deploymentKeys.list(projectId),
    queryFn: ({ signal }) => getAllDeployments(projectId, signal),
    staleTime: 60_000,
  });
