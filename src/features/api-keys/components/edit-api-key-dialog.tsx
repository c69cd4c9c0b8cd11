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
import type { FormField, RootError } from '../model/map-create-error';
import { mapUpdateError } from '../model/map-update-error';
import { ExpiryField } from './expiry-field';
import { FormErrorAlert } from './form-error-alert';
import { InstancePicker } from './instance-picker';
import { UnlistedBindingsNote } from './unlisted-bindings-note';

type EditApiKeyDialogProps = {
  apiKey: ApiKey;
  /** The key's project: the instance picker lists its deployments. */
  projectId: number;
  onClose: () => void;
  onSaved: (key: ApiKey) => void;
};

const NOTHING_TO_SAVE = 'Nothing to save: no field was changed.';

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
  const { register, control, formState, setError, handleSubmit, subscribe } = form;
  const mutation = useUpdateApiKey();
  const [rootError, setRootError] = useState<RootError | null>(null);
  const [nothingToSave, setNothingToSave] = useState(false);
  // react-hook-form validates asynchronously, so two fast clicks both reach `send` before React
  // re-renders the disabled button; this ref lets exactly one of them send.
  const sending = useRef(false);
  const descriptionRef = useRef<HTMLTextAreaElement | null>(null);
  const descriptionField = register('description');

  // "Nothing to save" is about the values the user submitted; any edit makes it stale.
  useEffect(
    () => subscribe({ formState: { values: true }, callback: () => setNothingToSave(false) }),
    [subscribe],
  );

  const showError = (error: unknown, values: CreateApiKeyFormValues) => {
    const mapped = isApiError(error)
      ? mapUpdateError(error, values)
      : { fields: {}, root: { message: String(error), requestId: null, retryable: false } };
    Object.entries(mapped.fields).forEach(([field, message], index) =>
      setError(field as FormField, { type: 'server', message }, { shouldFocus: index === 0 }),
    );
    setRootError(mapped.root);
  };

  const send = (values: CreateApiKeyFormValues) => {
    if (sending.current) return;
    setRootError(null);
    const input = toUpdateApiKeyInput(initial, values, new Date());
    if (Object.keys(input).length === 0) {
      setNothingToSave(true);
      return;
    }
    sending.current = true;
    mutation.mutate(
      { keyId: apiKey.key_id, input },
      {
        onSuccess: (key) => onSaved(key),
        onError: (error) => showError(error, values),
        onSettled: () => {
          sending.current = false;
        },
      },
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
