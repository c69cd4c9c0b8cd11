import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { Field, inputClass } from '../../../components/ui/field';
import { FormFooter } from '../../../components/ui/form-footer';
import { ModalDialog } from '../../../components/ui/modal-dialog';
import { jobsSettingsQueryOptions } from '../../jobs/api/job-queries';
import type { DeploymentRecord } from '../../deployments/api/deployment-record';
import { apiKeyKeys } from '../api/api-key-query-keys';
import type { KeyRecord } from '../api/key-model';
import { useKeysAdapter } from '../api/keys-adapter-context';
import type { CreatedKey } from '../api/use-key-mutations';
import { useCreateForm } from '../create/use-create-form';
import { useCreateSubmission } from '../create/use-create-submission';
import { newKeyStore } from '../model/new-key-store';
import { LazyRevealDialog } from '../reveal/lazy-reveal-dialog';
import { ExpiryField } from '../shared/expiry-field';
import { FormErrorAlert } from '../shared/form-error-alert';
import { CopiedFacts } from './copied-facts';
import { GraceField } from './grace-field';
import { defaultGrace, graceOptions, type GraceOption } from './grace-options';
import { RetireNotice } from './retire-notice';
import { rotationDefaults } from './rotation-defaults';
import { useRetirePost } from './use-retire-post';

export type RotateDialogProps = {
  apiKey: KeyRecord;
  projectId: number;
  deployments: DeploymentRecord[];
  /** The names of the listed keys: the suggested name is the next one free among them. */
  takenNames: ReadonlySet<string>;
  /** After the reveal: the new secret is gone from the page. */
  onClose: () => void;
};

/**
 * Rotate: a new key with the old one's description, project and deployments, created as a
 * create is (same form rules, mapper, mutation and reveal), then the old key's retirement posted.
 */
export function RotateDialog({
  apiKey,
  projectId,
  deployments,
  takenNames,
  onClose,
}: RotateDialogProps) {
  const id = useId();
  const { capabilities } = useKeysAdapter();
  const [defaults] = useState(() =>
    rotationDefaults(apiKey, projectId, takenNames, capabilities, new Date()),
  );
  const form = useCreateForm(capabilities, defaults);
  const settings = useQuery(jobsSettingsQueryOptions());
  // Until the server says its minimum, only what it always allows.
  const options = graceOptions(settings.data?.retire_min_delay_ms ?? Infinity);
  const [picked, setPicked] = useState<string | null>(null);
  const grace = options.find((option) => option.value === picked) ?? defaultGrace(options);
  const retire = useRetirePost(projectId, apiKey);
  // The grace chosen when Rotate was pressed goes with the new key: it counts from the post.
  const [rotated, setRotated] = useState<{ created: CreatedKey; grace: GraceOption } | null>(null);
  const { mutation, rootError, submit, cancel } = useCreateSubmission(form, (created) =>
    setRotated({ created, grace }),
  );
  const { start } = retire;
  const onBindingsPosted = useMemo(
    () => rotated && start(rotated.created.key, rotated.grace),
    [rotated, start],
  );
  const created = rotated?.created;
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!created) return;
    // As for a create, after the commit that shows the reveal: the list then gains the new key.
    newKeyStore.added(created.key.id);
    void queryClient.invalidateQueries({ queryKey: apiKeyKeys.lists(capabilities.generation) });
  }, [created, queryClient, capabilities.generation]);
  const nameRef = useRef<HTMLInputElement | null>(null);
  const name = form.register('name');

  if (created) {
    return (
      <LazyRevealDialog
        createdKey={created}
        projectId={projectId}
        deployments={deployments}
        onBindingsPosted={onBindingsPosted ?? undefined}
        onClose={() => {
          created.secret.wipe();
          mutation.reset();
          onClose();
        }}
      >
        <RetireNotice oldName={apiKey.name} post={retire.post} onRetry={retire.retry} />
      </LazyRevealDialog>
    );
  }

  return (
    <ModalDialog
      title={`Rotate ${apiKey.name}`}
      description="A new key takes its place; the old one keeps working until it retires."
      onClose={onClose}
      initialFocusRef={nameRef}
      size="lg"
    >
      <form noValidate onSubmit={(event) => void submit(event)} className="flex flex-col gap-5">
        <CopiedFacts apiKey={apiKey} projectId={projectId} deployments={deployments} />
        <Field
          id={`${id}-name`}
          label="New name"
          hint={capabilities.nameHint}
          error={form.formState.errors.name?.message}
          messageLines={2}
        >
          {(aria) => (
            <input
              {...aria}
              {...name}
              ref={(element) => {
                name.ref(element);
                nameRef.current = element;
              }}
              autoComplete="off"
              spellCheck={false}
              className={inputClass}
            />
          )}
        </Field>
        <ExpiryField control={form.control} register={form.register} />
        <GraceField
          oldName={apiKey.name}
          options={options}
          value={grace.value}
          onChange={setPicked}
          settings={settings}
        />
        {rootError && <FormErrorAlert error={rootError} onRetry={() => void submit()} />}
        <FormFooter
          statusId={`${id}-status`}
          status={mutation.isPending ? 'Creating the new key…' : ''}
        >
          <Button onClick={mutation.isPending ? cancel : onClose}>
            {mutation.isPending ? 'Cancel request' : 'Cancel'}
          </Button>
          <Button
            type="submit"
            variant="primary"
            disabled={mutation.isPending}
            aria-describedby={`${id}-status`}
          >
            Rotate key
          </Button>
        </FormFooter>
      </form>
    </ModalDialog>
  );
}
