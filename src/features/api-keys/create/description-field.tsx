import { useFormState, type UseFormReturn } from 'react-hook-form';
import { Field, inputClass } from '../../../components/ui/field';
import type { CreateApiKeyFormValues } from '../model/create-api-key-form-schema';
import { descriptionLimit } from '../shared/description-limit';

type DescriptionFieldProps = {
  id: string;
  form: UseFormReturn<CreateApiKeyFormValues>;
  maxLength: number | null;
};

/**
 * Description, with its own subscription to its error: the form around it then does not re-render
 * on react-hook-form's submit bookkeeping, which lands between the click and the create request.
 */
export function DescriptionField({ id, form, maxLength }: DescriptionFieldProps) {
  const { errors } = useFormState({ control: form.control, name: 'description' });
  return (
    <Field
      id={id}
      label="Description"
      optional
      hint={
        <>
          {/* The label's "(optional)" is hidden from screen readers; this says it to them. */}
          <span className="sr-only">Optional. </span>
          What the key is for, shown in the list of keys
          {descriptionLimit(maxLength)}.
        </>
      }
      error={errors.description?.message}
    >
      {(aria) => (
        <textarea {...aria} {...form.register('description')} rows={2} className={inputClass} />
      )}
    </Field>
  );
}
