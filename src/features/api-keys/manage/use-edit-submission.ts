import { useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { isApiError } from '../../../lib/api-error';
import type { KeyRecord } from '../api/key-model';
import { useKeysAdapter } from '../api/keys-adapter-context';
import { useUpdateKey } from '../api/use-key-mutations';
import type { CreateApiKeyFormValues } from '../model/create-api-key-form-schema';
import { bindingsDiff, toKeyChanges } from '../model/edit-api-key-form';
import type { MappedError } from '../model/map-create-error';
import { mapUpdateError } from '../model/map-update-error';
import { useGuardedSubmit } from '../shared/use-guarded-submit';

/**
 * A change of bindings where they are made by patching deployments (v3,
 * `capabilities.bindingByTask`): the key's own PATCH has succeeded (or had nothing to send) when
 * this is called, with the deployments to add the key to and remove it from.
 */
export type BindingsChange = {
  key: KeyRecord;
  projectId: number;
  added: string[];
  removed: string[];
};

export const BINDINGS_NOT_SAVED =
  'Changes to the deployments were not saved: this API binds keys through each deployment, ' +
  'which this dialog cannot do yet.';

function mapError(error: unknown, values: CreateApiKeyFormValues): MappedError {
  if (isApiError(error)) return mapUpdateError(error, values);
  return { fields: {}, root: { message: String(error), requestId: null, retryable: false } };
}

type EditSubmissionOptions = {
  apiKey: KeyRecord;
  projectId: number;
  initial: CreateApiKeyFormValues;
  onSaved: (key: KeyRecord) => void;
  onBindingsChange: ((change: BindingsChange) => void) | undefined;
};

/** Form values → only what changed → the adapter; bindings by task go to `onBindingsChange`. */
export function useEditSubmission(
  form: UseFormReturn<CreateApiKeyFormValues>,
  { apiKey, projectId, initial, onSaved, onBindingsChange }: EditSubmissionOptions,
) {
  const { capabilities } = useKeysAdapter();
  const mutation = useUpdateKey(projectId);
  const { rootError, run, clearRootError } = useGuardedSubmit(form, mapError);
  const [nothingToSave, setNothingToSave] = useState(false);
  const [bindingsNotSaved, setBindingsNotSaved] = useState(false);

  const send = (values: CreateApiKeyFormValues) => {
    setBindingsNotSaved(false);
    const changes = toKeyChanges(initial, values, new Date(), capabilities);
    const diff = capabilities.bindingByTask ? bindingsDiff(initial, values) : null;
    const bindingsChanged = diff !== null && diff.added.length + diff.removed.length > 0;
    if (Object.keys(changes).length === 0 && !bindingsChanged) {
      clearRootError();
      setNothingToSave(true);
      return;
    }
    const handOver = (key: KeyRecord) => {
      if (!bindingsChanged) return onSaved(key);
      if (!onBindingsChange) return setBindingsNotSaved(true);
      onBindingsChange({ key, projectId, ...diff });
      onSaved(key);
    };
    if (Object.keys(changes).length === 0) return handOver(apiKey);
    run(values, (settle) =>
      mutation.mutate({ keyId: apiKey.id, changes }, { ...settle, onSuccess: handOver }),
    );
  };

  return { mutation, rootError, nothingToSave, setNothingToSave, bindingsNotSaved, send };
}
