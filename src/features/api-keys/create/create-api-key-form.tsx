import { useQuery } from '@tanstack/react-query';
import { useEffect, useId } from 'react';
import { useWatch } from 'react-hook-form';
import { afterNextPaint } from '../../../lib/after-next-paint';
import { AuthTurnsOnNotice } from '../../deployments/binding/auth-turns-on-notice';
import { deploymentRecordsQueryOptions } from '../api/key-queries';
import { useKeysAdapter } from '../api/keys-adapter-context';
import { ExpiryField } from '../shared/expiry-field';
import { FormErrorAlert } from '../shared/form-error-alert';
import { InstancePicker } from '../shared/instance-picker';
import { LazyRevealDialog, preloadRevealDialog } from '../reveal/lazy-reveal-dialog';
import { MonospaceWarmUp } from '../reveal/monospace-warm-up';
import { CreateButtonRow } from './create-button-row';
import { DescriptionField } from './description-field';
import { NameField } from './name-field';
import { ProjectSelect } from './project-select';
import { useAuthAcknowledgement } from './use-auth-acknowledgement';
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
  const { register, control } = form;
  const projectId = useWatch({ control, name: 'projectId' });
  const instanceIds = useWatch({ control, name: 'instanceIds' });
  const deployments = useQuery({
    ...deploymentRecordsQueryOptions(adapter, Number(projectId)),
    enabled: projectId !== '',
  });
  const chosen = (deployments.data ?? []).filter((d) => instanceIds.includes(d.ref));
  // Taken apart: the container ref stays out of what render reads.
  const { containerRef: ackContainerRef, ...ack } = useAuthAcknowledgement(capabilities, chosen);
  const reveal = useReveal();
  const { mutation, rootError, submit, cancel } = useCreateSubmission(form, reveal.show, ack.check);
  const closeReveal = () => {
    reveal.close();
    // Drops the mutation (gcTime 0) and readies the form for another key.
    mutation.reset();
    ack.reset();
    form.reset({ ...EMPTY_FORM, projectId: form.getValues('projectId') });
  };

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
      {/* Put away while the secret is shown: it is reset when the reveal closes, and opening the
          dialog over a hidden form restyles and lays out the dialog alone, not the form too. */}
      <form
        noValidate
        onSubmit={(event) => void submit(event)}
        hidden={reveal.created !== null}
        className="flex flex-col gap-5"
      >
        <NameField id={`${id}-name`} form={form} rules={capabilities} />
        <DescriptionField
          id={`${id}-description`}
          form={form}
          maxLength={capabilities.descriptionMaxLength}
        />
        <ProjectSelect form={form} onProjectChange={onProjectChange} />
        <InstancePicker control={control} />
        <div ref={ackContainerRef} className="empty:hidden">
          <AuthTurnsOnNotice
            chosen={ack.concerned}
            acknowledged={ack.acknowledged}
            onAcknowledgedChange={ack.setAcknowledged}
            error={ack.error}
          />
        </div>
        <ExpiryField control={control} register={register} />
        {rootError && (
          <FormErrorAlert
            error={rootError}
            onRetry={() => void submit()}
            onCheckList={onCheckList && (() => onCheckList(form.getValues('name')))}
          />
        )}
        <CreateButtonRow statusId={`${id}-status`} pending={mutation.isPending} onCancel={cancel} />
        <MonospaceWarmUp />
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
