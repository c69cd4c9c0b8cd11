import type { UseQueryResult } from '@tanstack/react-query';
import { useApiDown } from '../../lib/use-api-down';
import type { Project } from '../projects/api/project-schemas';
import { explainLoadError } from './shared/explain-load-error';

/**
 * Why Create is disabled, or null when it is not. While the API cannot be reached, the page's
 * banner says so: this only says when Create comes back, never the cause a second time.
 */
export function useCreateBlocked(
  projects: UseQueryResult<Project[]>,
  project: Project | undefined,
): string | null {
  const apiDown = useApiDown() !== null;
  if (projects.data === undefined && apiDown) return 'Available once Gcore’s API answers.';
  if (projects.isError)
    return `Projects could not be loaded: ${explainLoadError(projects.error).message}`;
  if (projects.data === undefined) return 'Loading projects…';
  if (project === undefined) return 'No project to create a key in.';
  return null;
}
