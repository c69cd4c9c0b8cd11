import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '../../../components/ui/button';
import type { Deployment } from '../../deployments/api/deployment-schemas';
import type { CreatedKey } from '../api/create-api-key';
import { CreatedKeySummary } from './created-key-summary';
import { SecretField } from './secret-field';

type RevealDialogProps = {
  createdKey: CreatedKey;
  deployments: Deployment[];
  /** The owner must drop the secret here: the dialog is its only holder. */
  onClose: () => void;
};

/**
 * The one time a secret is shown. Until it has been copied, every way out but "Done" asks first:
 * Escape, the close button, the backdrop, and leaving or reloading the page.
 */
export function RevealDialog({ createdKey, deployments, onClose }: RevealDialogProps) {
  const titleId = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const copyButtonRef = useRef<HTMLButtonElement>(null);
  const keepOpenRef = useRef<HTMLButtonElement>(null);
  const closingRef = useRef(false);
  const [copied, setCopied] = useState(false);
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    copyButtonRef.current?.focus();
    return () => {
      closingRef.current = true;
    };
  }, []);

  useEffect(() => {
    if (copied) return;
    const guard = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', guard);
    return () => window.removeEventListener('beforeunload', guard);
  }, [copied]);

  useEffect(() => {
    if (confirming) keepOpenRef.current?.focus();
  }, [confirming]);

  const close = () => {
    closingRef.current = true;
    dialogRef.current?.close();
    onClose();
  };
  const requestClose = () => (copied ? close() : setConfirming(true));
  const keepOpen = () => {
    setConfirming(false);
    copyButtonRef.current?.focus();
  };

  return (
    // The backdrop click is the pointer twin of Escape, which `onCancel` handles for keyboards.
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      aria-modal="true"
      className="m-auto w-[min(40rem,calc(100vw-2rem))] rounded-xl bg-white p-0 text-slate-900 shadow-2xl"
      onCancel={(event) => {
        event.preventDefault();
        if (confirming) keepOpen();
        else requestClose();
      }}
      onClose={() => {
        // Chromium lets a repeated Escape close a dialog even though `cancel` was prevented.
        if (closingRef.current) return;
        dialogRef.current?.showModal();
        setConfirming(true);
      }}
      onClick={(event) => {
        // Only the backdrop targets the dialog itself: its content sits in the inner div.
        if (event.target === event.currentTarget) requestClose();
      }}
    >
      <div className="flex flex-col gap-5 p-6">
        <div className="flex items-start justify-between gap-4">
          <h2 id={titleId} className="text-lg font-semibold">
            Save your API key
          </h2>
          <Button variant="ghost" aria-label="Close" onClick={requestClose} className="-m-2">
            <span aria-hidden="true">✕</span>
          </Button>
        </div>
        <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          Copy the secret now and keep it somewhere safe.{' '}
          <strong>It will not be shown again</strong>: if you lose it, delete this key and create a
          new one.
        </p>
        <SecretField
          secret={createdKey.secret}
          copyButtonRef={copyButtonRef}
          onCopied={() => setCopied(true)}
        />
        <CreatedKeySummary apiKey={createdKey.apiKey} deployments={deployments} />
        {confirming ? (
          <div
            role="group"
            aria-labelledby={`${titleId}-confirm`}
            className="flex flex-col gap-3 rounded-md border border-red-300 bg-red-50 p-3"
          >
            <p id={`${titleId}-confirm`} className="text-sm font-medium text-red-900">
              Close without copying? The secret cannot be shown again.
            </p>
            <div className="flex flex-wrap justify-end gap-2">
              <Button ref={keepOpenRef} onClick={keepOpen}>
                Keep open
              </Button>
              <Button variant="danger" onClick={close}>
                Close without copying
              </Button>
            </div>
          </div>
        ) : (
          <div className="flex justify-end">
            <Button variant="primary" onClick={close}>
              Done
            </Button>
          </div>
        )}
      </div>
    </dialog>
  );
}
