import { Field, inputClass } from '../../../components/ui/field';
import { formatLocalAndUtc } from '../../../lib/format-date';

/** Why the edit dialog cannot change the expiry, where the generation fixes it at creation. */
export const EXPIRY_FIXED_REASON = "Gcore's v3 API fixes a key's expiry when it is created.";

/** The key's expiry, shown but not editable, with the reason right under it. */
export function ReadOnlyExpiry({ id, expiresAt }: { id: string; expiresAt: string | null }) {
  const date = expiresAt === null ? null : new Date(expiresAt);
  const text =
    date === null
      ? 'Never'
      : Number.isNaN(date.getTime())
        ? (expiresAt ?? '')
        : formatLocalAndUtc(date);
  return (
    <Field id={id} label="Expiration" hint={EXPIRY_FIXED_REASON}>
      {(aria) => <input {...aria} value={text} readOnly className={`${inputClass} bg-canvas`} />}
    </Field>
  );
}
