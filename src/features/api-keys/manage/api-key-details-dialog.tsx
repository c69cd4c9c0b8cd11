import { useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { ModalDialog } from '../../../components/ui/modal-dialog';
import { ErrorDetail } from '../../../components/ui/error-detail';
import { isApiError } from '../../../lib/api-error';
import { setUrlSearch } from '../../../lib/use-url-search';
import { openActivity } from '../../activity/model/activity-view';
import { explainLoadError } from '../shared/explain-load-error';
import type { DeploymentRecord } from '../../deployments/api/deployment-record';
import type { KeyRecord } from '../api/key-model';
import { keyQueryOptions } from '../api/key-queries';
import { useKeysAdapter } from '../api/keys-adapter-context';
import { ApiKeyFacts } from '../shared/api-key-facts';
import { KeyBindingFailures } from './key-binding-failures';

type ApiKeyDetailsDialogProps = {
  /** May come from the URL, so it may name a key that does not exist. */
  keyId: string;
  projectId: number;
  deployments: DeploymentRecord[];
  onClose: () => void;
  onEdit: (key: KeyRecord) => void;
  onDelete: (key: KeyRecord) => void;
  onRotate: (key: KeyRecord) => void;
};

export function ApiKeyDetailsDialog({
  keyId,
  projectId,
  deployments,
  onClose,
  onEdit,
  onDelete,
  onRotate,
}: ApiKeyDetailsDialogProps) {
  const query = useQuery(keyQueryOptions(useKeysAdapter(), projectId, keyId));
  const closeRef = useRef<HTMLButtonElement>(null);
  const key = query.data;

  return (
    <ModalDialog title="API key details" onClose={onClose} initialFocusRef={closeRef} size="lg">
      {query.isPending && (
        <p role="status" className="text-fg-muted text-sm">
          Loading the key…
        </p>
      )}
      {query.isError && !key && (
        <LoadError
          error={query.error}
          retrying={query.isFetching}
          onRetry={() => void query.refetch()}
        />
      )}
      {key && (
        <ApiKeyFacts
          apiKey={key}
          deployments={deployments}
          projectId={projectId}
          instancesNote={
            <KeyBindingFailures
              projectId={projectId}
              keyName={key.name}
              createdAt={key.createdAt}
            />
          }
        />
      )}
      {key && (
        <p className="text-sm">
          {/* A new history entry: Back returns to this dialog. */}
          <button
            type="button"
            onClick={() => setUrlSearch(openActivity(key))}
            className="text-fg focus-visible:outline-focus rounded font-medium underline focus-visible:outline-2"
          >
            Activity for this key
          </button>
        </p>
      )}
      <div className="flex flex-wrap justify-end gap-3">
        {key && (
          <>
            <Button variant="danger" onClick={() => onDelete(key)} className="mr-auto">
              Delete
            </Button>
            <Button onClick={() => onRotate(key)}>Rotate</Button>
            <Button onClick={() => onEdit(key)}>Edit</Button>
          </>
        )}
        <Button ref={closeRef} variant="primary" onClick={onClose}>
          Close
        </Button>
      </div>
    </ModalDialog>
  );
}

type LoadErrorProps = { error: Error; retrying: boolean; onRetry: () => void };

function LoadError({ error, retrying, onRetry }: LoadErrorProps) {
  // A malformed id (a hand-edited link, or a v2 id on v3, whose keys go by name) is refused as
  // invalid rather than not found; to the user both mean the same.
  const notFound =
    isApiError(error) &&
    (error.status === 404 ||
      (error.status === 400 &&
        ('key_id' in error.invalidFields || 'api_key_name' in error.invalidFields)));
  if (notFound) {
    return (
      <p role="alert" className="text-sm">
        This API key does not exist (any more). It may have been deleted, or the link names a key of
        another account.
      </p>
    );
  }
  // A 401/403 in plain words, its cause (with the request ID) behind a disclosure.
  const { message, detail } = explainLoadError(error);
  return (
    <Alert>
      <p>Could not load the key: {message}</p>
      {detail && <ErrorDetail detail={detail} />}
      <Button onClick={onRetry} disabled={retrying}>
        Retry
      </Button>
    </Alert>
  );
}
