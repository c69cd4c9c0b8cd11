import type { ReactNode, RefObject } from 'react';
import { Field, inputClass } from '../../../components/ui/field';

export const CONFIRM_LABEL = 'Type the key name to confirm';

type KeyNameConfirmationProps = {
  id: string;
  hint: ReactNode;
  typed: string;
  onTypedChange: (typed: string) => void;
  inputRef: RefObject<HTMLInputElement | null>;
};

/** The typed key name both delete dialogs ask for when active deployments accept the key. */
export function KeyNameConfirmation({
  id,
  hint,
  typed,
  onTypedChange,
  inputRef,
}: KeyNameConfirmationProps) {
  return (
    <Field id={id} label={CONFIRM_LABEL} hint={hint}>
      {(aria) => (
        <input
          {...aria}
          ref={inputRef}
          value={typed}
          onChange={(event) => onTypedChange(event.target.value)}
          autoComplete="off"
          spellCheck={false}
          className={inputClass}
        />
      )}
    </Field>
  );
}
