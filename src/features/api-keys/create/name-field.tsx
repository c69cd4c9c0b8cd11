import { useWatch, type UseFormReturn } from 'react-hook-form';
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

/** The rule's first sentence: enough while the name is fine; the whole rule shows when it is not. */
const firstSentence = (rule: string) => rule.split(/(?<=\.)\s/)[0] ?? rule;

/** Name, with a one-line hint, the full rule and a valid suggestion when what was typed breaks it. */
export function NameField({ id, form, rules }: NameFieldProps) {
  const { register, control, formState, setValue } = form;
  const nameField = register('name');
  const typed = useWatch({ control, name: 'name' });
  const error = formState.errors.name?.message;
  const suggestion = error ? suggestKeyName(typed, rules.describeNameProblem) : null;
  return (
    <div className="flex flex-col gap-1">
      <Field
        id={id}
        label="Name"
        hint={error ? rules.nameHint : firstSentence(rules.nameHint)}
        error={error}
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
      {suggestion && (
        <p className="text-sm">
          <button
            type="button"
            className="text-accent underline"
            onClick={() => {
              setValue('name', suggestion, { shouldValidate: true, shouldDirty: true });
              newKeyStore.focusName();
            }}
          >
            Use <code className="font-mono">{suggestion}</code>
          </button>
        </p>
      )}
    </div>
  );
}
