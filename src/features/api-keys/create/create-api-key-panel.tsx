import { memo } from 'react';
import { CreateApiKeyForm, type CreateApiKeyFormProps } from './create-api-key-form';

/** Memoised: the page re-renders on every change of the list's view, which the form ignores. */
export const CreateApiKeyPanel = memo(function CreateApiKeyPanel(props: CreateApiKeyFormProps) {
  return (
    <section
      aria-labelledby="create-api-key-heading"
      className="border-line bg-surface min-w-0 rounded-xl border p-6 shadow-sm"
    >
      <h2 id="create-api-key-heading" className="mb-1 text-lg font-semibold">
        Create an API key
      </h2>
      <p className="text-fg-muted mb-5 text-sm">
        The key authenticates calls to the inference deployments you bind it to. Its secret is shown
        once, right after it is created.
      </p>
      <CreateApiKeyForm {...props} />
    </section>
  );
});
