import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect } from 'react';
import type { DeploymentRecord } from '../../deployments/api/deployment-record';
import type { KeyRecord } from '../api/key-model';
import type { Job } from '../../jobs/api/job-contract';
import { LazyBoundary } from '../../../components/ui/lazy-boundary';
import { lazyWithPreload } from '../../../lib/lazy-with-preload';
import { afterFirstScreen } from '../../../lib/first-screen';

const opening = (
  <p role="status" className="sr-only">
    Opening…
  </p>
);

// Each dialog is a chunk of its own: the list paints without code it may never need (the edit
// form alone brings its own schema and error mapping). They are preloaded in idle moments once
// the list is up, one each (together they would be one long task), so a dialog still opens at once;
// opened earlier (a shared `?key=` link), it waits for its chunk.
const [ApiKeyDetailsDialog, preloadDetails] = lazyWithPreload(
  () => import('./api-key-details-dialog').then((m) => m.ApiKeyDetailsDialog),
  opening,
);
const [EditApiKeyDialog, preloadEdit] = lazyWithPreload(
  () => import('./edit-api-key-dialog').then((m) => m.EditApiKeyDialog),
  opening,
);
const [DeleteApiKeyDialog, preloadDelete] = lazyWithPreload(
  () => import('./delete-api-key-dialog').then((m) => m.DeleteApiKeyDialog),
  opening,
);

const [RotateDialog, preloadRotate] = lazyWithPreload(
  () => import('../rotate/rotate-dialog').then((m) => m.RotateDialog),
  opening,
);

const [RetireNowDialog, preloadRetireNow] = lazyWithPreload(
  () => import('../list/retire-now-dialog').then((m) => m.RetireNowDialog),
  opening,
);

export type OpenDialog = { kind: 'edit' | 'delete' | 'rotate'; key: KeyRecord } | null;

type ApiKeyDialogsProps = {
  dialog: OpenDialog;
  /** Details are addressed by URL (`?key=`), so they can be shared and survive a reload. */
  detailsKeyId: string | null;
  projectId: number | undefined;
  /** Undefined while loading: delete waits for it, as it decides whether typing the name is required. */
  deployments: DeploymentRecord[] | undefined;
  onOpen: (dialog: OpenDialog) => void;
  onCloseDetails: () => void;
  onClose: () => void;
  onAnnounce: (message: string) => void;
  /** Where focus goes when the row it came from is gone. */
  onFocusList: () => void;
  /** The listed keys' names, for a rotation's next free name. */
  takenNames: ReadonlySet<string>;
  /** "Retire now" on a rotation's old key, asking before it goes (`useRetireDecisions`). */
  retireNow: { job: Job; confirm: () => void; cancel: () => void } | null;
};

export function ApiKeyDialogs(props: ApiKeyDialogsProps) {
  const { dialog, detailsKeyId, projectId, deployments, onOpen, onClose, onAnnounce } = props;
  const client = useQueryClient();
  useEffect(() => {
    const cancels = [
      preloadDetails,
      preloadEdit,
      preloadDelete,
      preloadRotate,
      preloadRetireNow,
    ].map((preload) => afterFirstScreen(client, preload));
    return () => cancels.forEach((cancel) => cancel());
  }, [client]);
  const fromDetails = (kind: 'edit' | 'delete' | 'rotate') => (key: KeyRecord) => {
    props.onCloseDetails();
    onOpen({ kind, key });
  };

  return (
    <LazyBoundary what="this dialog">
      <Suspense fallback={opening}>
        {detailsKeyId && !dialog && projectId !== undefined && (
          <ApiKeyDetailsDialog
            keyId={detailsKeyId}
            projectId={projectId}
            deployments={deployments ?? []}
            onClose={props.onCloseDetails}
            onEdit={fromDetails('edit')}
            onDelete={fromDetails('delete')}
            onRotate={fromDetails('rotate')}
          />
        )}
        {dialog?.kind === 'edit' && projectId !== undefined && (
          <EditApiKeyDialog
            apiKey={dialog.key}
            projectId={projectId}
            onClose={onClose}
            onSaved={(key) => {
              onAnnounce(`Saved changes to “${key.name}”.`);
              onClose();
            }}
          />
        )}
        {props.retireNow && (
          <RetireNowDialog
            job={props.retireNow.job}
            onConfirm={props.retireNow.confirm}
            onClose={props.retireNow.cancel}
          />
        )}
        {dialog?.kind === 'rotate' && projectId !== undefined && (
          <RotateDialog
            apiKey={dialog.key}
            projectId={projectId}
            deployments={deployments ?? []}
            takenNames={props.takenNames}
            onClose={onClose}
          />
        )}
        {dialog?.kind === 'delete' && deployments && projectId !== undefined && (
          <DeleteApiKeyDialog
            apiKey={dialog.key}
            projectId={projectId}
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
      </Suspense>
    </LazyBoundary>
  );
}
