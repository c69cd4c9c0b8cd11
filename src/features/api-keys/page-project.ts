import { useQuery } from '@tanstack/react-query';
import { setUrlSearch, useUrlFact } from '../../lib/use-url-search';
import { projectsQueryOptions } from '../projects/api/get-projects';
import { findDefaultProject, type Project } from '../projects/api/project-schemas';
import { keysViewUpdate, readKeysView } from './model/keys-view';

/**
 * The project the page shows: the one in the URL, else the account's default. One reading for
 * the header's switcher and the keys page, so both always agree.
 */
/** The project a URL asks for, when it is one of the account's; else the default one. */
export function choosePageProject(
  projects: readonly Project[] | undefined,
  requestedId: number | null,
) {
  const requested = requestedId === null ? undefined : projects?.find((p) => p.id === requestedId);
  return { project: requested ?? findDefaultProject(projects), found: requested !== undefined };
}

const readRequestedProject = (search: URLSearchParams) => readKeysView(search).projectId;
const setProject = (projectId: number) => setUrlSearch(keysViewUpdate({ projectId }));

export function usePageProject() {
  // The project only: the header re-renders when it changes, not at each filter typed.
  const requestedId = useUrlFact(readRequestedProject);
  const projects = useQuery(projectsQueryOptions());
  const { project, found } = choosePageProject(projects.data, requestedId);
  const unknownProject = requestedId !== null && projects.data !== undefined && !found;
  return { projects, project, unknownProject, requestedId, setProject };
}
