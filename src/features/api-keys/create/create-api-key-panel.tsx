import { memo } from 'react';
import { CreateApiKeyForm, type CreateApiKeyFormProps } from './create-api-key-form';

/**
 * The create sheet's content (the sheet gives the heading). Memoised: the page re-renders on
 * every change of the list's view, which the form ignores.
 */
export const CreateApiKeyPanel = memo(function CreateApiKeyPanel(props: CreateApiKeyFormProps) {
  return <CreateApiKeyForm {...props} />;
});
