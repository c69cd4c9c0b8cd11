import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { MAX_PAGE_SIZE } from '../../../lib/list-schema';
import { PROJECTS_PATH, projectListSchema } from './project-schemas';

export const projectKeys = { all: ['projects'] as const };

export const projectsQueryOptions = () =>
  queryOptions({
    queryKey: projectKeys.all,
    queryFn: ({ signal }) =>
      apiRequest({
        method: 'GET',
        path: PROJECTS_PATH,
        query: { limit: MAX_PAGE_SIZE, order_by: 'name.asc' },
        schema: projectListSchema,
        signal,
      }),
    select: (list) => list.results,
    staleTime: 5 * 60_000,
  });
