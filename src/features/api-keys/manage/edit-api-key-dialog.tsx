import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useId, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Button } from '../../../components/ui/button';
import { Field, inputClass } from '../../../components/ui/field';
import { ModalDialog } from '../../../components/ui/modal-dialog';
import { isApiError } from '../../../lib/api-error';
import type { ApiKey } from '../api/api-key-schemas';
import { useUpdateApiKey } from '../api/update-api-key';
import type { CreateApiKeyFormValues } from '../model/create-api-key-form-schema';
import {
  editApiKeyFormSchema,
  toEditFormValues,
  toUpdateApiKeyInput,
} from '../model/edit-api-key-form';
import type { MappedError } from '../model/map-create-error';
import { mapUpdateError } from '../model/map-update-error';
import { useGuardedSubmit } from '../shared/use-guarded-submit';
import { ExpiryField } from '../shared/expiry-field';
import { FormErrorAlert } from '../shared/form-error-alert';
import { InstancePicker } from '../shared/instance-picker';
import { UnlistedBindingsNote } from './unlisted-bindings-note';

type EditApiKeyDialogProps = {
  apiKey: ApiKey;
  /** The key's project: the instance picker lists its deployments. */
  projectId: number;
  onClose: () => void;
  onSaved: (key: ApiKey) => void;
};

const NOTHING_TO_SAVE = 'Nothing to save: no field was changed.';

function mapError(error: unknown, values: CreateApiKeyFormValues): MappedError {
  if (isApiError(error)) return mapUpdateError(error, values);
  return { fields: {}, root: { message: String(error), requestId: null, retryable: false } };
}

/** Description, instances and expiry of an existing key; only what changed is sent. */
export function EditApiKeyDialog({ apiKey, projectId, onClose, onSaved }: EditApiKeyDialogProps) {
  const id = useId();
  // Fixed at open, so a background refetch of the key never rewrites what the user is editing.
  const [initial] = useState(() => toEditFormValues(apiKey, projectId));
  const [resolver] = useState(() => zodResolver(editApiKeyFormSchema(initial)));
  const form = useForm<CreateApiKeyFormValues>({
    defaultValues: initial,
    resolver,
    mode: 'onTouched',
    reValidateMode: 'onChange',
  });
  const { register, control, formState, handleSubmit, subscribe } = form;
  const mutation = useUpdateApiKey();
  const { rootError, run, clearRootError } = useGuardedSubmit(form, mapError);
  const [nothingToSave, setNothingToSave] = useState(false);
  const descriptionRef = useRef<HTMLTextAreaElement | null>(null);
  const descriptionField = register('description');

  // "Nothing to save" is about the values the user submitted; any edit makes it stale.
  useEffect(
    () => subscribe({ formState: { values: true }, callback: () => setNothingToSave(false) }),
    [subscribe],
  );

  const send = (values: CreateApiKeyFormValues) => {
    const input = toUpdateApiKeyInput(initial, values, new Date());
    if (Object.keys(input).length === 0) {
      clearRootError();
      setNothingToSave(true);
      return;
    }
    run(values, (settle) =>
      mutation.mutate(
        { keyId: apiKey.key_id, input },
        { ...settle, onSuccess: (key) => onSaved(key) },
      ),
    );
  };
  const submit = (event?: React.BaseSyntheticEvent) => handleSubmit(send)(event);

  return (
    <ModalDialog title="Edit API key" onClose={onClose} initialFocusRef={descriptionRef} size="lg">
      <form noValidate onSubmit={(event) => void submit(event)} className="flex flex-col gap-5">
        <Field id={`${id}-name`} label="Name" hint="A key's name cannot be changed.">
          {(aria) => (
            <input {...aria} value={apiKey.name} readOnly className={`${inputClass} bg-slate-50`} />
          )}
        </Field>
        <Field
          id={`${id}-description`}
          label="Description"
          hint="Optional. Clear it to remove the description."
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
        <ExpiryField control={control} register={register} />
        {rootError && <FormErrorAlert error={rootError} onRetry={() => void submit()} />}
        <div className="flex flex-wrap items-center justify-end gap-3">
          <p id={`${id}-status`} role="status" className="mr-auto text-sm text-slate-600">
            {mutation.isPending ? 'Saving the changes…' : nothingToSave ? NOTHING_TO_SAVE : ''}
          </p>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            type="submit"
            variant="primary"
            disabled={mutation.isPending}
            aria-describedby={`${id}-status`}
          >
            Save changes
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}
