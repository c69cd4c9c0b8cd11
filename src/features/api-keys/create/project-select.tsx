import { useQuery } from '@tanstack/react-query';
import { memo, useEffect, useId } from 'react';
import { useFormState, type UseFormReturn } from 'react-hook-form';
import { Field, inputClass } from '../../../components/ui/field';
import { explainLoadError } from '../shared/explain-load-error';
import { projectsQueryOptions } from '../../projects/api/get-projects';
import { findDefaultProject } from '../../projects/api/project-schemas';
import type { CreateApiKeyFormValues } from '../model/create-api-key-form-schema';

type ProjectSelectProps = {
  /** The same object on every render, so the memo holds; its formState is not read here. */
  form: Pick<
    UseFormReturn<CreateApiKeyFormValues>,
    'register' | 'setValue' | 'getValues' | 'control'
  >;
  onProjectChange?: ((projectId: number) => void) | undefined;
};

/**
 * Projects from the API; the account's default project is preselected once they arrive.
 * Memoised, with its own subscription to its error: the form's other state changes (a pending
 * create, another field's error) do not re-render it.
 */
export const ProjectSelect = memo(function ProjectSelect({
  form,
  onProjectChange,
}: ProjectSelectProps) {
  const { register, setValue, getValues, control } = form;
  const id = useId();
  const { errors } = useFormState({ control, name: 'projectId' });
  const projects = useQuery(projectsQueryOptions());
  const defaultProject = findDefaultProject(projects.data);

  useEffect(() => {
    if (defaultProject && getValues('projectId') === '') {
      setValue('projectId', String(defaultProject.id), { shouldValidate: false });
    }
  }, [defaultProject, getValues, setValue]);

  const loadError = projects.isError
    ? `Could not load projects: ${explainLoadError(projects.error).message}`
    : undefined;
  return (
    <Field id={id} label="Project" error={errors.projectId?.message ?? loadError}>
      {(aria) => (
        <div className="flex gap-2">
          <select
            {...aria}
            {...register('projectId', {
              onChange: (event: React.ChangeEvent<HTMLSelectElement>) => {
                setValue('instanceIds', []);
                onProjectChange?.(Number(event.target.value));
              },
            })}
            className={inputClass}
            disabled={!projects.data}
          >
            {!projects.data && (
              <option value="">{projects.isError ? 'Unavailable' : 'Loading projects…'}</option>
            )}
            {projects.data?.map((project) => (
              <option key={project.id} value={String(project.id)}>
                {/* "default (default)" says nothing twice: the mark only where the name lacks it. */}
                {project.name}
                {project.is_default && project.name !== 'default' ? ' (default)' : ''}
              </option>
            ))}
          </select>
          {projects.isError && (
            <button
              type="button"
              className="text-sm underline"
              onClick={() => void projects.refetch()}
            >
              Retry
            </button>
          )}
        </div>
      )}
    </Field>
  );
});
