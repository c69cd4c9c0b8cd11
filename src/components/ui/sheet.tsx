import { createPortal } from 'react-dom';
import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';
import { Button } from './button';
import { CloseWarningPanel, useUnloadWarning, type CloseWarning } from './close-warning';
import { useCloseQuestion } from './use-close-question';
import { useDialogCloseEvents } from './use-dialog-close-events';

export type SheetProps = {
  /** Shown or hidden; the content stays mounted either way, so nothing typed is lost. */
  open: boolean;
  /** Names the sheet (`aria-labelledby`). */
  title: ReactNode;
  description?: ReactNode;
  /** The user asked to close (Escape, the backdrop, ✕), and confirmed if a warning was due. */
  onClose: () => void;
  children: ReactNode;
  /** Extra header actions beside ✕ (e.g. Discard). */
  actions?: ReactNode;
  /** While set, every way out asks first (as in ModalDialog). */
  closeWarning?: CloseWarning | null;
};

/**
 * A side sheet on the native `<dialog>` (full screen on phones): the browser traps focus, makes
 * the page inert and handles Escape. Hiding it only closes the dialog, so its content keeps its
 * state until the next open; focus goes back to what opened it. Mark what it covers with
 * `data-covered-by-sheet`: hidden from screen readers (and tests) while it is up.
 */
export function Sheet(props: SheetProps) {
  const { open, title, description, onClose, closeWarning } = props;
  const titleId = useId();
  const descriptionId = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const openerRef = useRef<Element | null>(null);
  const { confirming, requestClose, keepOpen, confirm } = useCloseQuestion({
    dialogRef,
    closeWarning,
    onClose,
  });
  useUnloadWarning(open && Boolean(closeWarning));

  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      openerRef.current = document.activeElement;
      dialog.showModal();
      // The first field, not the header's buttons: the sheet is there to be filled in.
      dialog.querySelector<HTMLElement>('[data-sheet-body] :is(input, textarea, select)')?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
      const opener = openerRef.current;
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    }
  }, [open]);

  // The page behind is inert while the sheet is up; saying so with aria-hidden too lets tools
  // that read the DOM rather than the accessibility tree (tests, older readers) agree.
  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (!open || !dialog) return;
    // Only what the owner marked as covered: a dialog opened elsewhere over the sheet (Sign in,
    // when a session ends) must stay readable.
    const hidden = [...document.querySelectorAll('[data-covered-by-sheet]')].filter(
      (element) => !element.hasAttribute('aria-hidden'),
    );
    hidden.forEach((element) => element.setAttribute('aria-hidden', 'true'));
    return () => hidden.forEach((element) => element.removeAttribute('aria-hidden'));
  }, [open]);

  // Unmounted while shown (the page went away): take it out of the top layer.
  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    return () => {
      if (dialog?.open) dialog.close();
    };
  }, []);

  // Closed by the owner (`open` turned false): the `close` that follows is not the user's.
  const closeEvents = useDialogCloseEvents({
    dialogRef,
    requestClose,
    confirming,
    keepOpen,
    closedByOwner: () => !open,
  });

  // In <body>, beside the app, so the app can be hidden from screen readers while it is up.
  return createPortal(
    // Escape, the backdrop and Chromium's repeated Escape: see useDialogCloseEvents.
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      aria-modal="true"
      className="bg-surface text-fg sm:border-line m-0 ml-auto h-dvh max-h-none w-full max-w-none p-0 shadow-2xl sm:w-[min(34rem,100vw)] sm:border-l"
      {...closeEvents}
    >
      <div className="flex min-h-full flex-col gap-5 p-5 sm:p-6">
        <div className="flex items-start justify-between gap-3">
          <div className="flex flex-col gap-1.5">
            <h2 id={titleId} className="text-lg font-semibold">
              {title}
            </h2>
            {description && (
              <p id={descriptionId} className="text-fg-muted text-sm">
                {description}
              </p>
            )}
          </div>
          <div className="flex shrink-0 items-center gap-1">
            {props.actions}
            <Button variant="ghost" aria-label="Close" onClick={requestClose} className="-m-1">
              <span aria-hidden="true">✕</span>
            </Button>
          </div>
        </div>
        {confirming && closeWarning && (
          <CloseWarningPanel {...closeWarning} onKeepOpen={keepOpen} onConfirm={confirm} />
        )}
        <div data-sheet-body className="flex flex-col gap-5">
          {props.children}
        </div>
      </div>
    </dialog>,
    document.body,
  );
}
