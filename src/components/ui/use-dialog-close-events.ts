import { useRef, type RefObject, type SyntheticEvent } from 'react';

type DialogCloseOptions = {
  dialogRef: RefObject<HTMLDialogElement | null>;
  /** The user asked to close: the owner closes, or asks first. */
  requestClose: () => void;
  /** A close question is showing: Escape answers it the safe way, with `keepOpen`. */
  confirming: boolean;
  keepOpen: () => void;
  /** A `close` event that is not the user's: the owner closed the dialog itself. */
  closedByOwner: () => boolean;
};

/**
 * The ways a user closes a native modal `<dialog>`, each turned into `requestClose`: Escape
 * (`cancel`), a click on the backdrop that also started there, and the `close` Chromium lets
 * through on a repeated Escape even though `cancel` was prevented. Spread the result on the dialog.
 */
export function useDialogCloseEvents(options: DialogCloseOptions) {
  const { dialogRef, requestClose, confirming, keepOpen, closedByOwner } = options;
  const pressedBackdropRef = useRef(false);
  // Events from a dialog opened inside this one (the reveal over the sheet) are that dialog's own;
  // React passes them up the component tree.
  const own = (event: SyntheticEvent) => event.target === event.currentTarget;
  return {
    onCancel: (event: SyntheticEvent) => {
      if (!own(event)) return;
      event.preventDefault();
      if (confirming) keepOpen();
      else requestClose();
    },
    onClose: (event: SyntheticEvent) => {
      const dialog = dialogRef.current;
      // `close` arrives a task later: a dialog open again by then makes the event stale.
      if (!own(event) || !dialog || dialog.open || closedByOwner()) return;
      // Reopened so it never lingers closed-but-mounted, and the request passed on.
      dialog.showModal();
      requestClose();
    },
    onPointerDown: (event: SyntheticEvent) => {
      pressedBackdropRef.current = own(event);
    },
    onClick: (event: SyntheticEvent) => {
      // Only the backdrop targets the dialog itself: its content sits in an inner element. A press
      // that started inside (selecting text, say) and ended outside must not close it.
      if (own(event) && pressedBackdropRef.current) requestClose();
      pressedBackdropRef.current = false;
    },
  };
}
