import { useId } from 'react';
import { usePageProject } from '../features/api-keys/page-project';
import { useApiDown } from '../lib/use-api-down';

/** The project the page shows, as a select bound to the URL (`?project=`). */
export function ProjectSwitcher() {
  const id = useId();
  const { projects, project, setProject } = usePageProject();
  const apiDown = useApiDown() !== null;
  const unavailable = projects.isError || apiDown;
  return (
    <div className="flex min-w-0 items-center gap-2">
      <label htmlFor={id} className="text-fg-muted text-sm">
        Project
      </label>
      <select
        id={id}
        value={project === undefined ? '' : String(project.id)}
        onChange={(event) => setProject(Number(event.target.value))}
        disabled={!projects.data}
        className="border-line-strong bg-surface text-fg focus-visible:outline-focus max-w-[12rem] min-w-0 rounded-md border px-2 py-1 text-sm focus-visible:outline-2"
      >
        {!projects.data && <option value="">{unavailable ? 'Unavailable' : 'Loading…'}</option>}
        {projects.data?.map((option) => (
          <option key={option.id} value={String(option.id)}>
            {option.name}
          </option>
        ))}
      </select>
    </div>
  );
}
