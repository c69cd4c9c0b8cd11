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
  /** Lines kept under the control for the hint or the error: see FieldMessage. */
  messageLines?: number;
  /** Shown under the error while there is one (e.g. a fix to take with one click). */
  errorAction?: ReactNode;
  children: (control: FieldControlProps) => ReactNode;
};

/** Label, rule, control and error, wired so a screen reader reads all of them with the control. */
export function Field(props: FieldProps) {
  const { id, label, hint, error, optional = false, children } = props;
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
      <FieldMessage
        id={id}
        hint={hint}
        error={error}
        lines={props.messageLines}
        action={props.errorAction}
      />
    </div>
  );
}

type FieldMessageProps = {
  /** The field's id: the hint is `${id}-hint`, the error `${id}-error`. */
  id: string;
  hint?: ReactNode;
  error: string | undefined;
  /**
   * The slot's height in lines, at least; it must fit the field's longest error (with `action`)
   * at the narrowest width, or the error would push what follows under a pressed pointer.
   */
  lines?: number | undefined;
  action?: ReactNode;
};

/**
 * The hint, or in its place the error: both sit in one grid cell, so the slot is as tall as the
 * taller of the two and never shorter than `lines`. An error that fits moves nothing after the
 * field: a press that began on the next field or a checkbox still ends on it. The hidden hint
 * stays in the control's description.
 */
export function FieldMessage({ id, hint, error, lines = 1, action }: FieldMessageProps) {
  return (
    <div className="grid text-sm" style={{ minHeight: `${lines}lh` }}>
      {hint && (
        <p
          id={`${id}-hint`}
          className={`text-fg-muted col-start-1 row-start-1 ${error ? 'invisible' : ''}`}
        >
          {hint}
        </p>
      )}
      <div className="col-start-1 row-start-1 flex min-w-0 flex-col">
        <FieldError id={`${id}-error`} message={error} />
        {error && action}
      </div>
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
