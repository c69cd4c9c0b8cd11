import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { isApiError } from '../../../lib/api-error';
import type { KeyRecord } from '../api/key-model';
import { useKeysAdapter } from '../api/keys-adapter-context';
import { useUpdateKey } from '../api/use-key-mutations';
import type { CreateApiKeyFormValues } from '../model/create-api-key-form-schema';
import { toKeyEdit } from '../model/edit-api-key-form';
import type { MappedError } from '../model/map-create-error';
import { mapUpdateError } from '../model/map-update-error';
import { useGuardedSubmit } from '../shared/use-guarded-submit';
import type { BindingRun } from './edit-bindings-progress';
import { startEditJobs, type EditJobsStarted } from './start-edit-jobs';

function mapError(error: unknown, values: CreateApiKeyFormValues): MappedError {
  if (isApiError(error)) return mapUpdateError(error, values);
  return { fields: {}, root: { message: String(error), requestId: null, retryable: false } };
}

type EditSubmissionOptions = {
  apiKey: KeyRecord;
  projectId: number;
  initial: CreateApiKeyFormValues;
  onSaved: (key: KeyRecord) => void;
  /** False while a warning about the bindings waits for the user's confirmation. */
  ready: boolean;
};

/**
 * Form values → only what changed → the adapter's plan. The key's own PATCH goes first; once it
 * is saved the plan's deployment changes (if any) are posted as jobs to the server (they outlive
 * the dialog and the tab) and `bindingRun` says which, for the dialog to follow.
 */
export function useEditSubmission(
  form: UseFormReturn<CreateApiKeyFormValues>,
  { apiKey, projectId, initial, onSaved, ready }: EditSubmissionOptions,
) {
  const adapter = useKeysAdapter();
  const client = useQueryClient();
  const mutation = useUpdateKey(projectId);
  const { rootError, run, clearRootError } = useGuardedSubmit(form, mapError);
  const [nothingToSave, setNothingToSave] = useState(false);
  const [bindingRun, setBindingRun] = useState<(BindingRun & { key: KeyRecord }) | null>(null);

  const send = (values: CreateApiKeyFormValues) => {
    if (!ready || bindingRun) return;
    const plan = adapter.planEdit(apiKey, toKeyEdit(initial, values, new Date()));
    const changes = plan.keyChanges;
    const moves = [
      ...plan.attach.map((deployment) => ({ deployment, attach: true })),
      ...plan.detach.map((deployment) => ({ deployment, attach: false })),
    ];
    if (Object.keys(changes).length === 0 && moves.length === 0) {
      clearRootError();
      setNothingToSave(true);
      return;
    }
    const handOver = (key: KeyRecord) => {
      if (moves.length === 0) return onSaved(key);
      const edit = { projectId, keyName: key.name, attach: plan.attach, detach: plan.detach };
      const started = (result: EditJobsStarted) =>
        setBindingRun(
          (run) =>
            run && { ...run, jobIds: [...run.jobIds, ...result.jobIds], startError: result.error },
        );
      const post = (skip: readonly ('bind' | 'unbind')[]) => {
        setBindingRun((run) => run && { ...run, startError: null });
        // Not awaited: the jobs are posted whether or not the dialog stays open.
        void startEditJobs(client, edit, skip).then(started);
      };
      setBindingRun({
        key,
        keyName: key.name,
        changes: moves,
        jobIds: [],
        startError: null,
        retryStart: (posted) => post(posted),
      });
      post([]);
    };
    if (Object.keys(changes).length === 0) return handOver(apiKey);
    run(values, (settle) =>
      mutation.mutate({ keyId: apiKey.id, changes }, { ...settle, onSuccess: handOver }),
    );
  };

  return { mutation, rootError, nothingToSave, setNothingToSave, bindingRun, send };
}
