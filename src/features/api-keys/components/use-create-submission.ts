import { useRef, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { isApiError } from '../../../lib/api-error';
import { useCreateApiKey, type CreatedKey } from '../api/create-api-key';
import type { CreateApiKeyFormValues } from '../model/create-api-key-form-schema';
import { mapCreateError, type FormField, type RootError } from '../model/map-create-error';
import { toCreateApiKeyInput } from '../model/to-create-api-key-input';

/**
 * Form values → mapper → mutation, with errors put where the user can act on them. Exactly one
 * request per submission, cancellable while it runs.
 */
export function useCreateSubmission(
  form: UseFormReturn<CreateApiKeyFormValues>,
  onCreated: (created: CreatedKey) => void,
) {
  const mutation = useCreateApiKey();
  const [rootError, setRootError] = useState<RootError | null>(null);
  // react-hook-form validates asynchronously, so two fast clicks both reach onValid before
  // React re-renders the disabled button; this ref lets exactly one of them send.
  const sending = useRef(false);
  const inFlight = useRef<AbortController | null>(null);

  const showError = (error: unknown, values: CreateApiKeyFormValues) => {
    const mapped = isApiError(error)
      ? mapCreateError(error, values)
      : {
          fields: {},
          root: { message: String(error), requestId: null, retryable: false, outcomeUnknown: true },
        };
    Object.entries(mapped.fields).forEach(([field, message], index) =>
      form.setError(field as FormField, { type: 'server', message }, { shouldFocus: index === 0 }),
    );
    setRootError(mapped.root);
  };

  const send = (values: CreateApiKeyFormValues) => {
    if (sending.current) return;
    sending.current = true;
    setRootError(null);
    const controller = new AbortController();
    inFlight.current = controller;
    mutation.mutate(
      { input: toCreateApiKeyInput(values, new Date()), signal: controller.signal },
      {
        onSuccess: onCreated,
        onError: (error) => showError(error, values),
        onSettled: () => {
          sending.current = false;
          inFlight.current = null;
        },
      },
    );
  };

  return {
    mutation,
    rootError,
    submit: (event?: React.BaseSyntheticEvent) => form.handleSubmit(send)(event),
    /** Stops waiting; the API may still have acted on the request, and the message says so. */
    cancel: () => inFlight.current?.abort(),
  };
}
