import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Button } from '../../../components/ui/button';
import { Field, inputClass } from '../../../components/ui/field';
import { afterNextPaint } from '../../../lib/after-next-paint';
import { deploymentsQueryOptions } from '../../deployments/api/get-deployments';
import { API_KEY_NAME_RULE } from '../api/api-key-name';
import type { CreatedKey } from '../api/create-api-key';
import {
  createApiKeyFormSchema,
  type CreateApiKeyFormValues,
} from '../model/create-api-key-form-schema';
import { DEFAULT_EXPIRY_PRESET } from '../model/expiry';
import { ExpiryField } from './expiry-field';
import { FormErrorAlert } from './form-error-alert';
import { InstancePicker } from './instance-picker';
import { LazyRevealDialog, preloadRevealDialog } from './lazy-reveal-dialog';
import { ProjectSelect } from './project-select';
import { useCreateSubmission } from './use-create-submission';

const EMPTY_FORM: CreateApiKeyFormValues = {
  name: '',
  description: '',
  projectId: '',
  instanceIds: [],
  expiryPreset: DEFAULT_EXPIRY_PRESET,
  expiryCustom: '',
};

const resolver = zodResolver(createApiKeyFormSchema());

export type CreateApiKeyFormProps = {
  /** The page's project: the form follows it, and reports the user's own choice back. */
  projectId?: number | undefined;
  onProjectChange?: (projectId: number) => void;
  /** Told of each new key (never its secret), e.g. to mark it in the list. */
  onCreated?: (keyId: string) => void;
  /** After the reveal closes. Without it, focus returns to Name; with it, focus is the owner's. */
  onRevealClosed?: (keyId: string) => void;
  /** Shows the list filtered to a name, to check whether a create whose outcome is unknown happened. */
  onCheckList?: (name: string) => void;
  /** Lets the owner put focus back on Name, e.g. when the new key is not on screen. */
  nameInputRef?: RefObject<HTMLInputElement | null>;
};

export function CreateApiKeyForm({
  projectId: pageProjectId,
  onProjectChange,
  onCreated,
  onRevealClosed,
  onCheckList,
  nameInputRef,
}: CreateApiKeyFormProps) {
  const id = useId();
  const form = useForm<CreateApiKeyFormValues>({
    defaultValues: EMPTY_FORM,
    resolver,
    mode: 'onTouched',
    reValidateMode: 'onChange',
  });
  const { register, control, formState } = form;
  // The dialog follows this state, not the mutation (whose updates reach React a task later):
  // closing it then commits together with whatever the owner does to focus the new key's row.
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const { mutation, rootError, submit, cancel } = useCreateSubmission(form, (key) => {
    setCreated(key);
    onCreated?.(key.apiKey.key_id);
  });
  const focusNameOnClose = useRef(false);
  // reset() drops react-hook-form's field refs until the next render, so setFocus would miss.
  const nameInput = useRef<HTMLInputElement | null>(null);
  const nameField = register('name');
  const projectId = useWatch({ control, name: 'projectId' });
  const deployments = useQuery({
    ...deploymentsQueryOptions(Number(projectId)),
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

  const closeReveal = () => {
    const keyId = created?.apiKey.key_id;
    // Stale fibers and render closures still reach the created key: wiped, it leads to no
    // secret. reset() then drops the mutation itself (gcTime 0) and readies the form for another.
    created?.secret.wipe();
    setCreated(null);
    mutation.reset();
    form.reset({ ...EMPTY_FORM, projectId: form.getValues('projectId') });
    if (keyId && onRevealClosed) onRevealClosed(keyId);
    else focusNameOnClose.current = true;
  };
  useEffect(() => {
    // After the dialog has gone: while it is open the rest of the page is inert.
    if (created || !focusNameOnClose.current) return;
    focusNameOnClose.current = false;
    nameInput.current?.focus();
  }, [created]);

  return (
    <>
      <form noValidate onSubmit={(event) => void submit(event)} className="flex flex-col gap-5">
        <Field
          id={`${id}-name`}
          label="Name"
          hint={API_KEY_NAME_RULE}
          error={formState.errors.name?.message}
        >
          {(aria) => (
            <input
              {...aria}
              {...nameField}
              ref={(element) => {
                nameField.ref(element);
                nameInput.current = element;
                if (nameInputRef) nameInputRef.current = element;
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
          hint="Optional. Say what the key is for; it shows in the list of keys."
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
          <p id={`${id}-status`} role="status" className="text-sm text-slate-600">
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
      {created && (
        <LazyRevealDialog
          createdKey={created}
          deployments={deployments.data ?? []}
          onClose={closeReveal}
        />
      )}
    </>
  );
}
