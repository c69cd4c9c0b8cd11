import { useFormState, useWatch, type UseFormReturn } from 'react-hook-form';
import { Field, inputClass } from '../../../components/ui/field';
import type { GenerationCapabilities } from '../api/key-model';
import type { CreateApiKeyFormValues } from '../model/create-api-key-form-schema';
import { newKeyStore } from '../model/new-key-store';
import { suggestKeyName } from '../model/suggest-key-name';

type NameFieldProps = {
  id: string;
  form: UseFormReturn<CreateApiKeyFormValues>;
  rules: Pick<GenerationCapabilities, 'nameHint' | 'describeNameProblem'>;
};

/**
 * The longest name error (two lines on a phone) and the suggestion under it: the slot keeps room
 * for both, so the error that Name's blur raises never pushes the checklist under a press.
 */
const NAME_MESSAGE_LINES = 3;

/** Name, with its rule, and a precise error plus a valid suggestion in its place when broken. */
export function NameField({ id, form, rules }: NameFieldProps) {
  const { register, control, setValue } = form;
  const nameField = register('name');
  const typed = useWatch({ control, name: 'name' });
  const { errors } = useFormState({ control, name: 'name' });
  const error = errors.name?.message;
  const suggestion = error ? suggestKeyName(typed, rules.describeNameProblem) : null;
  return (
    <Field
      id={id}
      label="Name"
      hint={rules.nameHint}
      error={error}
      messageLines={NAME_MESSAGE_LINES}
      errorAction={
        suggestion && (
          <button
            type="button"
            // One line whatever its length: the slot is sized for one; the input shows all of it.
            className="text-accent max-w-full self-start truncate text-left underline"
            onClick={() => {
              setValue('name', suggestion, { shouldValidate: true, shouldDirty: true });
              newKeyStore.focusName();
            }}
          >
            Use <code className="font-mono">{suggestion}</code>
          </button>
        )
      }
    >
      {(aria) => (
        <input
          {...aria}
          {...nameField}
          ref={(element) => {
            nameField.ref(element);
            // reset() drops react-hook-form's field refs until the next render, so its
            // setFocus would miss: the store keeps the element for "focus Name".
            newKeyStore.nameInput(element);
          }}
          autoComplete="off"
          spellCheck={false}
          className={inputClass}
        />
      )}
    </Field>
  );
}
