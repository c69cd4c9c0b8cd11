import type { ReactNode } from 'react';

export type FieldControlProps = {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
};

type FieldProps = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  optional?: boolean;
  children: (control: FieldControlProps) => ReactNode;
};

/** Label, rule, control and error, wired so a screen reader reads all of them with the control. */
export function Field({ id, label, hint, error, optional = false, children }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-fg text-sm font-medium">
        {label}
        {/* Kept out of the accessible name, which stays the field's plain name; the hint says it. */}
        {optional && (
          <span aria-hidden="true" className="text-fg-muted ml-1 font-normal">
            (optional)
          </span>
        )}
      </label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy })}
      {hint && (
        <p id={hintId} className="text-fg-muted text-sm">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/** Always in the DOM, so a screen reader hears the message as it appears or changes. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return (
    <p id={id} aria-live="polite" className="text-danger-fg text-sm font-medium empty:hidden">
      {message}
    </p>
  );
}

export const inputClass =
  'w-full rounded-md border border-line-strong bg-surface px-3 py-2 text-sm shadow-sm ' +
  'focus:border-accent focus:outline-2 focus:outline-accent/40 ' +
  'aria-[invalid=true]:border-danger-strong aria-[invalid=true]:outline-danger-strong/40 disabled:bg-surface-muted';
