import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Button } from '../../../components/ui/button';
import { Field, inputClass } from '../../../components/ui/field';
import { FormFooter } from '../../../components/ui/form-footer';
import { ModalDialog } from '../../../components/ui/modal-dialog';
import type { KeyRecord } from '../api/key-model';
import { useKeysAdapter } from '../api/keys-adapter-context';
import type { CreateApiKeyFormValues } from '../model/create-api-key-form-schema';
import { editApiKeyFormSchema, toEditFormValues } from '../model/edit-api-key-form';
import { descriptionLimit } from '../shared/description-limit';
import { ExpiryField } from '../shared/expiry-field';
import { FormErrorAlert } from '../shared/form-error-alert';
import { InstancePicker } from '../shared/instance-picker';
import { BindingWarnings } from './binding-warnings';
import { EditBindingsProgress } from './edit-bindings-progress';
import { ReadOnlyExpiry } from './read-only-expiry';
import { UnlistedBindingsNote } from './unlisted-bindings-note';
import { useBindingEdit } from './use-binding-edit';
import { useEditSubmission } from './use-edit-submission';

type EditApiKeyDialogProps = {
  apiKey: KeyRecord;
  /** The key's project: the instance picker lists its deployments. */
  projectId: number;
  onClose: () => void;
  /** On v3 with deployment changes: once every one of them landed. */
  onSaved: (key: KeyRecord) => void;
};

const NOTHING_TO_SAVE = 'Nothing to save: no field was changed.';

/**
 * Description, instances and expiry of an existing key; only what changed is sent. Where binding
 * is by task (v3) the deployment changes follow the key's PATCH, and the dialog shows them.
 */
export function EditApiKeyDialog({ apiKey, projectId, onClose, onSaved }: EditApiKeyDialogProps) {
  const id = useId();
  const { capabilities } = useKeysAdapter();
  // Fixed at open, so a background refetch of the key never rewrites what the user is editing.
  const [initial] = useState(() => toEditFormValues(apiKey, projectId));
  const [resolver] = useState(() =>
    zodResolver(editApiKeyFormSchema(initial, undefined, capabilities)),
  );
  const form = useForm<CreateApiKeyFormValues>({
    defaultValues: initial,
    resolver,
    mode: 'onTouched',
    reValidateMode: 'onChange',
  });
  const { register, control, formState, handleSubmit, subscribe } = form;
  const binding = useBindingEdit({ control, apiKey, projectId, initialRefs: initial.instanceIds });
  const edit = useEditSubmission(form, {
    apiKey,
    projectId,
    initial,
    onSaved,
    ready: binding.ready,
  });
  const { mutation, rootError, nothingToSave, setNothingToSave, bindingRun } = edit;
  const savedKey = bindingRun?.key;
  const onAllDone = useCallback(() => {
    if (savedKey) onSaved(savedKey);
  }, [savedKey, onSaved]);
  const descriptionRef = useRef<HTMLTextAreaElement | null>(null);
  const descriptionField = register('description');

  // "Nothing to save" is about the values the user submitted; any edit makes it stale.
  useEffect(
    () => subscribe({ formState: { values: true }, callback: () => setNothingToSave(false) }),
    [subscribe, setNothingToSave],
  );
  const submit = (event?: React.BaseSyntheticEvent) => handleSubmit(edit.send)(event);

  return (
    <ModalDialog title="Edit API key" onClose={onClose} initialFocusRef={descriptionRef} size="lg">
      {bindingRun ? (
        <EditBindingsProgress
          keyName={bindingRun.keyName}
          changes={bindingRun.changes}
          jobIds={bindingRun.jobIds}
          startError={bindingRun.startError}
          retryStart={bindingRun.retryStart}
          projectId={projectId}
          onAllDone={onAllDone}
          onClose={onClose}
        />
      ) : (
        <form noValidate onSubmit={(event) => void submit(event)} className="flex flex-col gap-5">
          <Field id={`${id}-name`} label="Name" hint="A key's name cannot be changed.">
            {(aria) => (
              <input {...aria} value={apiKey.name} readOnly className={`${inputClass} bg-canvas`} />
            )}
          </Field>
          <Field
            id={`${id}-description`}
            label="Description"
            hint={`Optional${descriptionLimit(capabilities.descriptionMaxLength)}. Clear it to remove the description.`}
            error={formState.errors.description?.message}
          >
            {(aria) => (
              <textarea
                {...aria}
                {...descriptionField}
                ref={(element) => {
                  descriptionField.ref(element);
                  descriptionRef.current = element;
                }}
                rows={2}
                className={inputClass}
              />
            )}
          </Field>
          <InstancePicker control={control} />
          <UnlistedBindingsNote projectId={projectId} boundIds={initial.instanceIds} />
          <BindingWarnings keyName={apiKey.name} {...binding} />
          {capabilities.expiryEditable ? (
            <ExpiryField control={control} register={register} />
          ) : (
            <ReadOnlyExpiry id={`${id}-expiry`} expiresAt={apiKey.expiresAt} />
          )}
          {rootError && <FormErrorAlert error={rootError} onRetry={() => void submit()} />}
          <FormFooter
            statusId={`${id}-status`}
            status={
              mutation.isPending
                ? 'Saving the changes…'
                : nothingToSave
                  ? NOTHING_TO_SAVE
                  : (binding.blocker ?? '')
            }
          >
            <Button onClick={onClose}>Cancel</Button>
            <Button
              type="submit"
              variant="primary"
              disabled={mutation.isPending || !binding.ready}
              aria-describedby={`${id}-status`}
            >
              Save changes
            </Button>
          </FormFooter>
        </form>
      )}
    </ModalDialog>
  );
}
