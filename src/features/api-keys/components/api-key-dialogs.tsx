import type { Deployment } from '../../deployments/api/deployment-schemas';
import type { ApiKey } from '../api/api-key-schemas';
import { ApiKeyDetailsDialog } from './api-key-details-dialog';
import { DeleteApiKeyDialog } from './delete-api-key-dialog';
import { EditApiKeyDialog } from './edit-api-key-dialog';

export type OpenDialog = { kind: 'edit' | 'delete'; key: ApiKey } | null;

type ApiKeyDialogsProps = {
  dialog: OpenDialog;
  /** Details are addressed by URL (`?key=`), so they can be shared and survive a reload. */
  detailsKeyId: string | null;
  projectId: number | undefined;
  /** Undefined while loading: delete waits for it, as it decides whether typing the name is required. */
  deployments: Deployment[] | undefined;
  onOpen: (dialog: OpenDialog) => void;
  onCloseDetails: () => void;
  onClose: () => void;
  onAnnounce: (message: string) => void;
  /** Where focus goes when the row it came from is gone. */
  onFocusList: () => void;
};

export function ApiKeyDialogs(props: ApiKeyDialogsProps) {
  const { dialog, detailsKeyId, projectId, deployments, onOpen, onClose, onAnnounce } = props;
  const fromDetails = (kind: 'edit' | 'delete') => (key: ApiKey) => {
    props.onCloseDetails();
    onOpen({ kind, key });
  };

  return (
    <>
      {detailsKeyId && !dialog && (
        <ApiKeyDetailsDialog
          keyId={detailsKeyId}
          deployments={deployments ?? []}
          onClose={props.onCloseDetails}
          onEdit={fromDetails('edit')}
          onDelete={fromDetails('delete')}
        />
      )}
      {dialog?.kind === 'edit' && projectId !== undefined && (
        <EditApiKeyDialog
          apiKey={dialog.key}
          projectId={dialog.key.project_id ?? projectId}
          onClose={onClose}
          onSaved={(key) => {
            onAnnounce(`Saved changes to “${key.name}”.`);
            onClose();
          }}
        />
      )}
      {dialog?.kind === 'delete' && deployments && (
        <DeleteApiKeyDialog
          apiKey={dialog.key}
          deployments={deployments}
          onClose={onClose}
          onDeleted={(outcome) => {
            onAnnounce(
              outcome === 'deleted'
                ? `Deleted “${dialog.key.name}”.`
                : `“${dialog.key.name}” was already deleted; it is gone from the list.`,
            );
            onClose();
            props.onFocusList();
          }}
        />
      )}
    </>
  );
}
