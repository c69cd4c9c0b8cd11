import { useId, useLayoutEffect, useRef, type ReactNode, type RefObject } from 'react';
import { Button } from './button';
import { CloseWarningPanel, useUnloadWarning, type CloseWarning } from './close-warning';
import { useCloseQuestion } from './use-close-question';
import { useDialogCloseEvents } from './use-dialog-close-events';

const SIZES = {
  sm: 'w-[min(28rem,calc(100vw-2rem))]',
  md: 'w-[min(36rem,calc(100vw-2rem))]',
  lg: 'w-[min(44rem,calc(100vw-2rem))]',
} as const;

export type ModalDialogProps = {
  /** Names the dialog (`aria-labelledby`). */
  title: ReactNode;
  /** Read with the name (`aria-describedby`); keep it to a sentence. */
  description?: ReactNode;
  /**
   * The user asked to close (Escape, a backdrop click, the close button), and confirmed if a
   * warning was due. The owner closes the dialog by unmounting it; until then it stays open.
   */
  onClose: () => void;
  children: ReactNode;
  /**
   * The owner's buttons, last; while a close warning asks, its buttons stand in their place. A
   * button that closes (Done) calls the `requestClose` it is given, so a due warning asks first.
   */
  footer?: ReactNode | ((requestClose: () => void) => ReactNode);
  /** Focused on open (pass a stable ref); otherwise the browser focuses the first focusable element. */
  initialFocusRef?: RefObject<HTMLElement | null>;
  size?: keyof typeof SIZES;
  /** A ✕ button in the header, for pointer users. */
  closeButton?: boolean;
  /**
   * While set, every way out (Escape, backdrop, ✕, the footer's `requestClose`, leaving the
   * page) asks first. Set it to null (the user did what was asked) and the question goes away.
   */
  closeWarning?: CloseWarning | null;
};

/** A modal on the native `<dialog>`: the browser traps focus, makes the page inert, and handles Escape. */
export function ModalDialog(props: ModalDialogProps) {
  const { title, description, onClose, initialFocusRef, size = 'md', closeWarning, footer } = props;
  const titleId = useId();
  const descriptionId = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const unmountingRef = useRef(false);
  // Read on open only: the open effect runs once.
  const initialFocusOnOpen = useRef(initialFocusRef);
  const { confirming, requestClose, keepOpen, confirm } = useCloseQuestion({
    dialogRef,
    closeWarning,
    onClose,
    fallbackFocusRef: initialFocusRef,
  });
  useUnloadWarning(Boolean(closeWarning));

  // Layout effects: the cleanup runs while the dialog is still in the document, so `close()`
  // takes it out of the top layer and lets the browser return focus to where it was before.
  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    unmountingRef.current = false;
    const previousFocus = document.activeElement;
    // The browser's own focusing steps land on it: focused after them instead, another control
    // (the ✕) would take focus first, be announced, and cost a second style pass.
    const initialFocus = initialFocusOnOpen.current?.current;
    if (initialFocus) initialFocus.autofocus = true;
    if (!dialog.open) dialog.showModal();
    return () => {
      unmountingRef.current = true;
      // Focus goes back only if it is still in the dialog (or lost): an owner that placed it
      // elsewhere, because the opener is gone, say, keeps its choice.
      const focus = document.activeElement;
      const focusLost = focus === null || focus === document.body || dialog.contains(focus);
      if (dialog.open) dialog.close();
      if (focusLost && previousFocus instanceof HTMLElement && previousFocus.isConnected) {
        previousFocus.focus();
      }
    };
  }, []);

  useLayoutEffect(() => {
    initialFocusRef?.current?.focus();
  }, [initialFocusRef]);

  // Unmounting closes the dialog (the layout effect's cleanup): that `close` is not the user's.
  const closeEvents = useDialogCloseEvents({
    dialogRef,
    requestClose,
    confirming,
    keepOpen,
    closedByOwner: () => unmountingRef.current,
  });

  return (
    // Escape, the backdrop and Chromium's repeated Escape: see useDialogCloseEvents.
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      aria-modal="true"
      className={`bg-surface text-fg m-auto rounded-xl p-0 shadow-2xl ${SIZES[size]}`}
      {...closeEvents}
    >
      <div className="flex flex-col gap-5 p-6">
        <div className="flex items-start justify-between gap-4">
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
          {props.closeButton && (
            <Button variant="ghost" aria-label="Close" onClick={requestClose} className="-m-2">
              <span aria-hidden="true">✕</span>
            </Button>
          )}
        </div>
        {props.children}
        {confirming && closeWarning && (
          <CloseWarningPanel {...closeWarning} onKeepOpen={keepOpen} onConfirm={confirm} />
        )}
        {/* Hidden, not unmounted, while the question asks: "Keep open" can focus Done again. */}
        {footer ? (
          <div hidden={confirming}>
            {typeof footer === 'function' ? footer(requestClose) : footer}
          </div>
        ) : null}
      </div>
    </dialog>
  );
}
