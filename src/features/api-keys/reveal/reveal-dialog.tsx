import { useRef, useState, type ReactNode } from 'react';
import { Button } from '../../../components/ui/button';
import { ModalDialog } from '../../../components/ui/modal-dialog';
import { BindingProgressList } from '../../deployments/binding/binding-progress-list';
import type { DeploymentRecord } from '../../deployments/api/deployment-record';
import type { CreatedKey } from '../api/use-key-mutations';
import { ApiKeyFacts } from '../shared/api-key-facts';
import { UsageSnippet } from './usage-snippet';
import { SecretField } from './secret-field';
import { useRevealBindings, type BindingsPosted } from './use-reveal-bindings';

type RevealDialogProps = {
  /**
   * The key, its secret and the deployments the user chose (`createdKey.deploymentRefs`): where
   * binding is by task (v3) those are not bound yet, and the bindings start from here.
   */
  createdKey: CreatedKey;
  deployments: DeploymentRecord[];
  projectId?: number | undefined;
  /** The owner must drop the secret here: the dialog is its only holder. */
  onClose: () => void;
  /** A rotation's hook: the new key's bind job is posted (or none was needed). */
  onBindingsPosted?: BindingsPosted;
  /** What else the owner says about this key (a rotation: when the old key retires). */
  children?: ReactNode;
};

const NOT_COPIED = {
  message: 'Close without copying? The secret cannot be shown again.',
  confirmLabel: 'Close without copying',
};

/**
 * The one time a secret is shown. Until it has been copied (or, where copying is blocked, shown
 * and selected for the user to copy), every way out asks first: Done, Escape, the close button,
 * the backdrop, and leaving or reloading the page. Copy leads until it has been used; then Done
 * does.
 */
export function RevealDialog({
  createdKey,
  deployments,
  projectId,
  onClose,
  onBindingsPosted,
  children,
}: RevealDialogProps) {
  const copyButtonRef = useRef<HTMLButtonElement>(null);
  const [copied, setCopied] = useState(false);
  // Where copying is blocked, the secret shown and selected is as far as the dialog can take it.
  const [selectedForCopy, setSelectedForCopy] = useState(false);
  const bindings = useRevealBindings(createdKey, projectId, onBindingsPosted);
  const chosen = createdKey.deploymentRefs.flatMap(
    (ref) => deployments.find((deployment) => deployment.ref === ref) ?? [],
  );
  const close = () => {
    bindings.ensureStarted();
    onClose();
  };

  return (
    <ModalDialog
      title="Save your API key"
      onClose={close}
      initialFocusRef={copyButtonRef}
      size="lg"
      closeButton
      closeWarning={copied || selectedForCopy ? null : NOT_COPIED}
      footer={(requestClose) => (
        <div className="flex justify-end">
          <Button variant={copied ? 'primary' : 'secondary'} onClick={requestClose}>
            Done
          </Button>
        </div>
      )}
    >
      <p className="border-warning-line bg-warning-subtle text-warning-fg rounded-md border p-3 text-sm">
        Copy the secret now and keep it somewhere safe. <strong>It will not be shown again</strong>:
        if you lose it, delete this key and create a new one.
      </p>
      <SecretField
        secret={createdKey.secret}
        copyButtonRef={copyButtonRef}
        copied={copied}
        onCopied={() => setCopied(true)}
        onSelectedForCopy={() => setSelectedForCopy(true)}
      />
      <ApiKeyFacts
        apiKey={createdKey.key}
        deployments={deployments}
        projectId={projectId}
        instances={
          bindings.items && (
            <BindingProgressList
              items={bindings.items}
              onRetry={bindings.retry}
              retryError={bindings.retryError}
            />
          )
        }
      />
      {bindings.startError && (
        <p
          role="alert"
          className="border-danger-line bg-danger-subtle text-danger-fg rounded-md border p-3 text-sm"
        >
          The key <strong className="break-all">{createdKey.key.name}</strong> exists, but its
          bindings did not start: {bindings.startError} Retry to bind it.
        </p>
      )}
      {bindings.running && (
        <p className="text-fg-muted text-sm">
          Bindings go on if you close this dialog; the list shows them until they finish.
        </p>
      )}
      {children}
      <UsageSnippet chosen={chosen} bound={bindings.bound} />
    </ModalDialog>
  );
}
