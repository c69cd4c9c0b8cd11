import { useId, useRef, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { ModalDialog } from '../../../components/ui/modal-dialog';
import { isApiError } from '../../../lib/api-error';
import type { DeploymentRecord } from '../../deployments/api/deployment-record';
import type { KeyRecord } from '../api/key-model';
import { useDeleteKey } from '../api/use-key-mutations';
import type { RootError } from '../model/map-create-error';
import { describeDeleteError } from './describe-delete-error';
import { LastKeyConfirmation } from '../../deployments/binding/last-key-confirmation';
import { KeyNameConfirmation } from './key-name-confirmation';
import { useLastKeyGuard } from './use-last-key-guard';
import { byId, DeploymentNames } from '../shared/deployment-names';
import { FormErrorAlert } from '../shared/form-error-alert';

export type DeleteApiKeyDialogProps = {
  apiKey: KeyRecord;
  projectId: number;
  /** The key's project's deployments, loaded: they decide whether a typed confirmation is due. */
  deployments: DeploymentRecord[];
  onClose: () => void;
  /** 'already-gone' when the API said 404: someone else deleted it first, which is no error. */
  onDeleted: (outcome: 'deleted' | 'already-gone') => void;
};

type PlainDeleteDialogProps = DeleteApiKeyDialogProps & {
  /**
   * Where binding is by task (v3), a 409 means the key is attached after all (since the list was
   * read): offered as "Detach and delete", which re-reads the key and hands it over.
   */
  onAttachedAfterAll?: (() => void) | undefined;
  /** Why that re-read failed, if it did. */
  rereadError?: string | null;
};

/**
 * Deleting is immediate and final. When a running deployment accepts the key, the user types its
 * name first: a slip of the mouse must not break a production client.
 */
export function PlainDeleteDialog({
  apiKey,
  projectId,
  deployments,
  onClose,
  onDeleted,
  onAttachedAfterAll,
  rereadError = null,
}: PlainDeleteDialogProps) {
  const id = useId();
  const mutation = useDeleteKey(projectId);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<RootError | null>(null);
  const [conflict, setConflict] = useState(false);
  // One DELETE per confirmation, however fast the button is pressed.
  const sending = useRef(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);

  const ids = apiKey.deploymentRefs;
  const active = deployments.filter((d) => ids.includes(d.ref) && d.status === 'ACTIVE');
  const needsConfirmation = active.length > 0;
  const lastKey = useLastKeyGuard(apiKey, deployments);
  const confirmed = (!needsConfirmation || typed === apiKey.name) && lastKey.confirmed;
  // Chosen once: focus must not jump if the deployments change while the dialog is open.
  const [initialFocusRef] = useState(() => (needsConfirmation ? confirmRef : cancelRef));

  const remove = () => {
    if (sending.current || !confirmed) return;
    sending.current = true;
    setError(null);
    setConflict(false);
    mutation.mutate(apiKey, {
      onSuccess: (outcome) => onDeleted(outcome),
      onError: (cause) => {
        setError(describeDeleteError(cause, apiKey.name));
        setConflict(isApiError(cause) && cause.status === 409);
      },
      onSettled: () => {
        sending.current = false;
      },
    });
  };

  return (
    <ModalDialog title="Delete API key" onClose={onClose} initialFocusRef={initialFocusRef}>
      <form
        noValidate
        className="flex flex-col gap-4 text-sm"
        onSubmit={(event) => {
          event.preventDefault();
          remove();
        }}
      >
        {ids.length === 0 ? (
          <p>
            Deleting <strong className="break-all">{apiKey.name}</strong> is final; no deployment is
            bound to it, so nothing stops working.
          </p>
        ) : (
          <div className="flex flex-col gap-1.5">
            <p>
              Deleting <strong className="break-all">{apiKey.name}</strong> is final, and these
              deployments will refuse requests that use it from then on:
            </p>
            <DeploymentNames ids={ids} deploymentsById={byId(deployments)} withStatus />
          </div>
        )}
        {needsConfirmation && (
          <KeyNameConfirmation
            id={`${id}-confirm`}
            hint={
              <>
                {active.length === 1 ? 'An active deployment accepts' : 'Active deployments accept'}{' '}
                this key right now. Type <strong className="break-all">{apiKey.name}</strong> to
                confirm.
              </>
            }
            typed={typed}
            onTypedChange={setTyped}
            expected={apiKey.name}
            inputRef={confirmRef}
          />
        )}
        <LastKeyConfirmation
          deployments={lastKey.losing}
          keyName={apiKey.name}
          typed={lastKey.typed}
          onTypedChange={lastKey.setTyped}
        />
        {error && <FormErrorAlert error={error} onRetry={remove} />}
        {conflict && onAttachedAfterAll && (
          <Button variant="danger" className="self-start" onClick={onAttachedAfterAll}>
            Detach and delete instead
          </Button>
        )}
        {rereadError && <p role="alert">{rereadError}</p>}
        <div className="flex flex-wrap items-center justify-end gap-3">
          <p id={`${id}-status`} role="status" className="text-fg-muted mr-auto">
            {mutation.isPending ? 'Deleting the key…' : ''}
          </p>
          <Button ref={cancelRef} onClick={onClose}>
            Cancel
          </Button>
          <Button
            type="submit"
            variant="danger"
            disabled={!confirmed || mutation.isPending}
            aria-describedby={`${id}-status`}
          >
            Delete key
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}
