import { useState, type ReactNode, type RefObject } from 'react';
import { Field, inputClass } from '../../../components/ui/field';

export const CONFIRM_LABEL = 'Type the key name to confirm';
export const CONFIRM_EMPTY = 'Type the key’s name to confirm, or choose Cancel.';
export const CONFIRM_MISMATCH = 'That is not this key’s name: type it exactly as shown above.';

type KeyNameConfirmationProps = {
  id: string;
  hint: ReactNode;
  /** The key's name: what has to be typed. */
  expected: string;
  typed: string;
  onTypedChange: (typed: string) => void;
  inputRef: RefObject<HTMLInputElement | null>;
};

/**
 * The typed key name both delete dialogs ask for when active deployments accept the key. Until it
 * matches, the Delete button stays disabled, so the browser ignores Enter: once the user leaves
 * the box with something typed, or presses Enter, what is wrong is said in the hint's place.
 */
export function KeyNameConfirmation(props: KeyNameConfirmationProps) {
  const { id, hint, expected, typed, onTypedChange, inputRef } = props;
  const [checked, setChecked] = useState(false);
  const error =
    !checked || typed === expected ? undefined : typed === '' ? CONFIRM_EMPTY : CONFIRM_MISMATCH;
  return (
    <Field id={id} label={CONFIRM_LABEL} hint={hint} error={error}>
      {(aria) => (
        <input
          {...aria}
          ref={inputRef}
          value={typed}
          onChange={(event) => onTypedChange(event.target.value)}
          onBlur={() => setChecked((was) => was || typed !== '')}
          onKeyDown={(event) => {
            if (event.key === 'Enter') setChecked(true);
          }}
          autoComplete="off"
          spellCheck={false}
          className={inputClass}
        />
      )}
    </Field>
  );
}
