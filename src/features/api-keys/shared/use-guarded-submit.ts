import { useRef, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { CreateApiKeyFormValues } from '../model/create-api-key-form-schema';
import type { FormField, MappedError, RootError } from '../model/map-create-error';

type Settle = { onError: (error: unknown) => void; onSettled: () => void };

/**
 * One write per submission, with its errors put where the user can act on them: each field the
 * server names gets its message (the first takes focus), the rest goes to the form's alert.
 * react-hook-form validates asynchronously, so two fast clicks both reach the submit handler
 * before React re-renders the disabled button; the ref lets exactly one of them send.
 */
export function useGuardedSubmit(
  form: UseFormReturn<CreateApiKeyFormValues>,
  mapError: (error: unknown, values: CreateApiKeyFormValues) => MappedError,
) {
  const sending = useRef(false);
  const [rootError, setRootError] = useState<RootError | null>(null);

  /** Calls `send` unless a write is in flight; `send` hands the callbacks to its mutation. */
  const run = (values: CreateApiKeyFormValues, send: (settle: Settle) => void) => {
    if (sending.current) return;
    sending.current = true;
    // Only when there is one to clear: even an unchanged state can re-render the whole form, and
    // that render would run before the request leaves.
    if (rootError !== null) setRootError(null);
    send({
      onError: (error) => {
        const mapped = mapError(error, values);
        Object.entries(mapped.fields).forEach(([field, message], index) =>
          form.setError(
            field as FormField,
            { type: 'server', message },
            { shouldFocus: index === 0 },
          ),
        );
        setRootError(mapped.root);
      },
      onSettled: () => {
        sending.current = false;
      },
    });
  };

  return { rootError, run, clearRootError: () => setRootError(null) };
}
