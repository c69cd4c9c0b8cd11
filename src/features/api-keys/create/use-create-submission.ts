import { useRef } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { isApiError } from '../../../lib/api-error';
import { useCreateKey, type CreatedKey } from '../api/use-key-mutations';
import type { CreateApiKeyFormValues } from '../model/create-api-key-form-schema';
import { mapCreateError, type MappedError } from '../model/map-create-error';
import { toNewKey } from '../model/to-create-api-key-input';
import { useGuardedSubmit } from '../shared/use-guarded-submit';

function mapError(error: unknown, values: CreateApiKeyFormValues): MappedError {
  if (isApiError(error)) return mapCreateError(error, values);
  const root = { message: String(error), requestId: null, retryable: false, outcomeUnknown: true };
  return { fields: {}, root };
}

/**
 * Form values → mapper → mutation, cancellable while it runs. `onCreated` gets the key, its
 * boxed secret and the chosen deployments: where binding is by task (v3) the adapter sent only
 * name, description and expiry, and the receiver starts the bindings once the reveal shows.
 */
/** A check beyond the schema (an acknowledgement): true lets the create go; `focus` on submit. */
export type SubmitGate = (focus: boolean) => boolean;

export function useCreateSubmission(
  form: UseFormReturn<CreateApiKeyFormValues>,
  onCreated: (created: CreatedKey) => void,
  gate: SubmitGate = () => true,
) {
  const mutation = useCreateKey();
  const { rootError, run } = useGuardedSubmit(form, mapError);
  const inFlight = useRef<AbortController | null>(null);

  const send = (values: CreateApiKeyFormValues) =>
    run(values, ({ onError, onSettled }) => {
      const controller = new AbortController();
      inFlight.current = controller;
      mutation.mutate(
        {
          projectId: Number(values.projectId),
          newKey: toNewKey(values, new Date()),
          signal: controller.signal,
        },
        {
          onSuccess: (created) => onCreated(created),
          onError,
          onSettled: () => {
            onSettled();
            inFlight.current = null;
          },
        },
      );
    });

  return {
    mutation,
    rootError,
    // The gate speaks after the fields: a field error takes focus first, and its own error shows too.
    submit: (event?: React.BaseSyntheticEvent) =>
      form.handleSubmit(
        (values) => {
          if (gate(true)) send(values);
        },
        () => {
          gate(false);
        },
      )(event),
    /** Stops waiting; the API may still have acted on the request, and the message says so. */
    cancel: () => inFlight.current?.abort(),
  };
}
