import { useQuery } from '@tanstack/react-query';
import { projectsQueryOptions } from '../api/get-projects';

/**
 * A project as its people know it, by name. The id alone means nothing to a reader; it stands in
 * only while the list loads or when the project is not (or no longer) in it.
 */
export function ProjectName({ projectId }: { projectId: number }) {
  const projects = useQuery(projectsQueryOptions());
  const project = projects.data?.find((p) => p.id === projectId);
  if (project) return <span className="break-all">{project.name}</span>;
  return (
    <span className="text-fg-muted">
      {projects.isPending ? 'Loading…' : `Project number ${projectId}`}
    </span>
  );
}
