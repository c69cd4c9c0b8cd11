import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useUrlSearch } from '../../lib/use-url-search';
import { projectsQueryOptions } from '../projects/api/get-projects';
import { findDefaultProject } from '../projects/api/project-schemas';
import { keysViewUpdate, readKeysView } from './model/keys-view';

/**
 * The project the page shows: the one in the URL, else the account's default. One reading for
 * the header's switcher and the keys page, so both always agree.
 */
export function usePageProject() {
  const [search, setSearch] = useUrlSearch();
  const view = readKeysView(search);
  const projects = useQuery(projectsQueryOptions());
  const requested =
    view.projectId === null ? undefined : projects.data?.find((p) => p.id === view.projectId);
  const project = requested ?? findDefaultProject(projects.data);
  const unknownProject =
    view.projectId !== null && projects.data !== undefined && requested === undefined;
  const setProject = useCallback(
    (projectId: number) => setSearch(keysViewUpdate({ projectId })),
    [setSearch],
  );
  return { projects, project, unknownProject, requestedId: view.projectId, setProject };
}
