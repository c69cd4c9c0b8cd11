import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { ModalDialog } from '../../../components/ui/modal-dialog';
import { DetachAndDeleteProgress } from '../../deployments/binding/detach-and-delete-progress';
import { LastKeyConfirmation } from '../../deployments/binding/last-key-confirmation';
import { useDetachAndDelete } from '../../deployments/binding/use-detach-and-delete';
import { KeyNameConfirmation } from './key-name-confirmation';
import { useLastKeyGuard } from './use-last-key-guard';
import type { DeleteApiKeyDialogProps } from './plain-delete-dialog';

/**
 * A key deployments still accept (v3): detached from each, one after another, then deleted, by a
 * job on the server, so it outlives the dialog and the tab; it stops at the first detach that does not land and says what is
 * detached, what is not, and that the key still exists, with Retry going on from there.
 */
export function DetachAndDeleteDialog(props: DeleteApiKeyDialogProps) {
  const { apiKey, projectId, deployments, onClose, onDeleted } = props;
  const id = useId();
  const refs = apiKey.deploymentRefs;
  const run = useDetachAndDelete({
    projectId,
    keyName: apiKey.name,
    createdAt: apiKey.createdAt,
    deployments: refs,
  });
  const { state, started } = run;
  const [typedKey, setTypedKey] = useState('');
  const lastKey = useLastKeyGuard(apiKey, deployments);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);

  const active = deployments.filter((d) => refs.includes(d.ref) && d.status === 'ACTIVE');
  const confirmed = (active.length === 0 || typedKey === apiKey.name) && lastKey.confirmed;
  const [initialFocusRef] = useState(() => (active.length > 0 ? confirmRef : cancelRef));

  // The submit button goes away once the run starts: focus stays in the dialog, on its way out.
  useEffect(() => {
    if (started && document.activeElement === document.body) cancelRef.current?.focus();
  }, [started]);
  const { keyDeleted } = state;
  const reported = useRef(false);
  useEffect(() => {
    if (!keyDeleted || reported.current) return;
    reported.current = true;
    onDeleted('deleted');
  }, [keyDeleted, onDeleted]);

  return (
    <ModalDialog title="Delete API key" onClose={onClose} initialFocusRef={initialFocusRef}>
      <form
        noValidate
        className="flex flex-col gap-4 text-sm"
        onSubmit={(event) => {
          event.preventDefault();
          if (confirmed && !started) run.start();
        }}
      >
        <p>
          Gcore deletes a key only once no deployment accepts it, so{' '}
          <strong className="break-all">{apiKey.name}</strong> is detached from each deployment
          below, then deleted for good: requests that use it are refused from then on.
        </p>
        <DetachAndDeleteProgress {...run} onRetry={run.retry} />
        {!started && active.length > 0 && (
          <KeyNameConfirmation
            id={`${id}-confirm`}
            hint={
              <>
                {active.length === 1 ? 'An active deployment accepts' : 'Active deployments accept'}{' '}
                this key right now. Type <strong className="break-all">{apiKey.name}</strong> to
                confirm.
              </>
            }
            typed={typedKey}
            onTypedChange={setTypedKey}
            expected={apiKey.name}
            inputRef={confirmRef}
          />
        )}
        {!started && (
          <LastKeyConfirmation
            deployments={lastKey.losing}
            keyName={apiKey.name}
            typed={lastKey.typed}
            onTypedChange={lastKey.setTyped}
          />
        )}
        {run.running && (
          <p className="text-fg-muted">
            You can close this dialog, or this page: the server goes on detaching and deleting, and
            the list marks the key until it ends.
          </p>
        )}
        <div className="flex flex-wrap items-center justify-end gap-3">
          <Button ref={cancelRef} onClick={onClose}>
            {started ? 'Close' : 'Cancel'}
          </Button>
          {!started && (
            <Button type="submit" variant="danger" disabled={!confirmed}>
              Detach and delete
            </Button>
          )}
        </div>
      </form>
    </ModalDialog>
  );
}
