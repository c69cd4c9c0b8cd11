import { memo, useId } from 'react';
import { useFormState, useWatch, type Control, type UseFormRegister } from 'react-hook-form';
import { Field, inputClass } from '../../../components/ui/field';
import { formatLocal, formatUtc, isUtcClock } from '../../../lib/format-date';
import type { CreateApiKeyFormValues } from '../model/create-api-key-form-schema';
import { EXPIRY_PRESETS, resolveExpiry } from '../model/expiry';

type ExpiryFieldProps = {
  control: Control<CreateApiKeyFormValues>;
  register: UseFormRegister<CreateApiKeyFormValues>;
};

/**
 * Preset or custom expiry, always showing the instant it resolves to in local time and UTC.
 * Memoised: it subscribes to the fields it shows, so the form's other updates skip it.
 */
export const ExpiryField = memo(function ExpiryField({ control, register }: ExpiryFieldProps) {
  const id = useId();
  const [preset, custom] = useWatch({ control, name: ['expiryPreset', 'expiryCustom'] });
  const { errors } = useFormState({ control, name: ['expiryPreset', 'expiryCustom'] });
  const resolved = resolveExpiry({ preset, custom }, new Date());

  return (
    <div className="flex flex-col gap-3">
      <Field id={`${id}-preset`} label="Expiration" error={errors.expiryPreset?.message}>
        {(aria) => (
          <select {...aria} {...register('expiryPreset')} className={inputClass}>
            {EXPIRY_PRESETS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {preset === 'custom' && (
        <Field
          id={`${id}-custom`}
          label="Expiration date and time"
          hint="In your time zone; sent to the API in UTC."
          error={errors.expiryCustom?.message}
          // "Pick a time at least a minute from now (it is …)" takes two lines on a phone.
          messageLines={2}
        >
          {(aria) => (
            <input
              type="datetime-local"
              {...aria}
              {...register('expiryCustom')}
              className={inputClass}
            />
          )}
        </Field>
      )}
      <ResolvedExpiry resolved={resolved} />
    </div>
  );
});

function ResolvedExpiry({ resolved }: { resolved: Date | null | undefined }) {
  if (resolved === null) {
    return (
      <p className="border-warning-line bg-warning-subtle text-warning-fg rounded-md border p-3 text-sm">
        <strong>This key will never expire.</strong> It stays valid until someone deletes it; a
        leaked key keeps working. Prefer an expiry and rotate keys.
      </p>
    );
  }
  if (resolved === undefined) return null;
  return (
    <p className="text-fg-muted text-sm" data-testid="resolved-expiry">
      Expires <time dateTime={resolved.toISOString()}>{formatLocal(resolved)}</time>
      {!isUtcClock(resolved) && (
        <>
          {' '}
          (your time) · <span>{formatUtc(resolved)}</span>
        </>
      )}
    </p>
  );
}
