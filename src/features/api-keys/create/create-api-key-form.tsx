import { useQuery } from '@tanstack/react-query';
import { useEffect, useId } from 'react';
import { useWatch } from 'react-hook-form';
import { Button } from '../../../components/ui/button';
import { Field, inputClass } from '../../../components/ui/field';
import { afterNextPaint } from '../../../lib/after-next-paint';
import { deploymentRecordsQueryOptions } from '../api/key-queries';
import { useKeysAdapter } from '../api/keys-adapter-context';
import { newKeyStore } from '../model/new-key-store';
import { descriptionLimit } from '../shared/description-limit';
import { ExpiryField } from '../shared/expiry-field';
import { FormErrorAlert } from '../shared/form-error-alert';
import { InstancePicker } from '../shared/instance-picker';
import { LazyRevealDialog, preloadRevealDialog } from '../reveal/lazy-reveal-dialog';
import { ProjectSelect } from './project-select';
import { EMPTY_FORM, useCreateForm } from './use-create-form';
import { useCreateSubmission } from './use-create-submission';
import { useReveal } from './use-reveal';

export type CreateApiKeyFormProps = {
  /** The page's project: the form follows it, and reports the user's own choice back. */
  projectId?: number | undefined;
  onProjectChange?: (projectId: number) => void;
  /** Shows the list filtered to a name, to check whether a create whose outcome is unknown happened. */
  onCheckList?: (name: string) => void;
};

export function CreateApiKeyForm({
  projectId: pageProjectId,
  onProjectChange,
  onCheckList,
}: CreateApiKeyFormProps) {
  const id = useId();
  const adapter = useKeysAdapter();
  const { capabilities } = adapter;
  const form = useCreateForm(capabilities);
  const { register, control, formState } = form;
  const reveal = useReveal();
  const { mutation, rootError, submit, cancel } = useCreateSubmission(form, reveal.show);
  const closeReveal = () => {
    reveal.close();
    // Drops the mutation (gcTime 0) and readies the form for another key.
    mutation.reset();
    form.reset({ ...EMPTY_FORM, projectId: form.getValues('projectId') });
  };
  const nameField = register('name');
  const projectId = useWatch({ control, name: 'projectId' });
  const deployments = useQuery({
    ...deploymentRecordsQueryOptions(adapter, Number(projectId)),
    enabled: projectId !== '',
  });

  useEffect(() => {
    if (pageProjectId === undefined || form.getValues('projectId') === String(pageProjectId))
      return;
    form.setValue('projectId', String(pageProjectId));
    // Deployment ids belong to a project: a selection cannot follow it to another one.
    form.setValue('instanceIds', []);
  }, [pageProjectId, form]);

  // Once the form is on screen: the reveal dialog's code is then here before any create answers.
  useEffect(() => afterNextPaint(preloadRevealDialog), []);

  return (
    <>
      <form noValidate onSubmit={(event) => void submit(event)} className="flex flex-col gap-5">
        <Field
          id={`${id}-name`}
          label="Name"
          hint={capabilities.nameHint}
          error={formState.errors.name?.message}
        >
          {(aria) => (
            <input
              {...aria}
              {...nameField}
              ref={(element) => {
                nameField.ref(element);
                // reset() drops react-hook-form's field refs until the next render, so its
                // setFocus would miss: the store keeps the element for "focus Name".
                newKeyStore.nameInput(element);
              }}
              autoComplete="off"
              spellCheck={false}
              className={inputClass}
            />
          )}
        </Field>
        <Field
          id={`${id}-description`}
          label="Description"
          optional
          hint={`Optional${descriptionLimit(capabilities.descriptionMaxLength)}. Say what the key is for; it shows in the list of keys.`}
          error={formState.errors.description?.message}
        >
          {(aria) => (
            <textarea {...aria} {...register('description')} rows={2} className={inputClass} />
          )}
        </Field>
        <ProjectSelect form={form} onProjectChange={onProjectChange} />
        <InstancePicker control={control} />
        <ExpiryField control={control} register={register} />
        {rootError && (
          <FormErrorAlert
            error={rootError}
            onRetry={() => void submit()}
            onCheckList={onCheckList && (() => onCheckList(form.getValues('name')))}
          />
        )}
        <div className="flex items-center gap-3">
          <Button
            type="submit"
            variant="primary"
            disabled={mutation.isPending}
            aria-describedby={`${id}-status`}
          >
            Create API key
          </Button>
          <p id={`${id}-status`} role="status" className="text-fg-muted text-sm">
            {mutation.isPending ? 'Creating the key…' : ''}
          </p>
          {mutation.isPending && (
            <Button variant="ghost" onClick={cancel}>
              Cancel request
            </Button>
          )}
        </div>
      </form>
      {/* Outside the form: nothing in the dialog may take part in a form submission. */}
      {reveal.created && (
        <LazyRevealDialog
          createdKey={reveal.created}
          projectId={Number(form.getValues('projectId'))}
          deployments={deployments.data ?? []}
          onClose={closeReveal}
        />
      )}
    </>
  );
}
