import { useState } from 'react';
import { describeError } from '../../../lib/describe-error';
import { useKeysAdapter } from '../api/keys-adapter-context';
import { DetachAndDeleteDialog } from './detach-and-delete-dialog';
import { PlainDeleteDialog, type DeleteApiKeyDialogProps } from './plain-delete-dialog';

/**
 * Where the adapter says a key must be detached first (v3: the API refuses to delete a key a
 * deployment still accepts) it gets "Detach and delete"; any other key is simply deleted.
 */
export function DeleteApiKeyDialog(props: DeleteApiKeyDialogProps) {
  const adapter = useKeysAdapter();
  const { projectId } = props;
  // The key as last read: a 409 on a plain delete re-reads it and, attached after all, switches.
  const [apiKey, setApiKey] = useState(props.apiKey);
  const [rereadError, setRereadError] = useState<string | null>(null);
  const plan = adapter.planDelete(apiKey);
  if (plan.detachFirst) {
    return <DetachAndDeleteDialog {...props} apiKey={apiKey} />;
  }
  const reread = () => {
    setRereadError(null);
    adapter
      .getKey(projectId, apiKey.id)
      .then(setApiKey, (error: unknown) =>
        setRereadError(`Could not re-read the key: ${describeError(error)}`),
      );
  };
  return (
    <PlainDeleteDialog
      {...props}
      apiKey={apiKey}
      onAttachedAfterAll={plan.rereadOnConflict ? reread : undefined}
      rereadError={rereadError}
    />
  );
}
