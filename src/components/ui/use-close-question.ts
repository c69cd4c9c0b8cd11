import { useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import type { CloseWarning } from './close-warning';

type CloseQuestionOptions = {
  dialogRef: RefObject<HTMLDialogElement | null>;
  /** While set, a request to close asks first (see CloseWarningPanel). */
  closeWarning: CloseWarning | null | undefined;
  onClose: () => void;
  /** Where focus goes after "Keep open" when what asked cannot take it back (the backdrop). */
  fallbackFocusRef?: RefObject<HTMLElement | null> | undefined;
};

/**
 * The "close anyway?" question of a dialog: every way out (Escape, ✕, the backdrop, the owner's
 * own Done) goes through `requestClose`, which closes at once or asks while a warning is due.
 * "Keep open" gives focus back to the control that asked, so a keyboard user is where they were.
 */
export function useCloseQuestion(options: CloseQuestionOptions) {
  const { dialogRef, closeWarning, onClose, fallbackFocusRef } = options;
  const [asking, setAsking] = useState(false);
  const askedFromRef = useRef<HTMLElement | null>(null);
  // Derived, not reset: once the warning is withdrawn (the secret was copied), no question stays.
  const confirming = asking && Boolean(closeWarning);

  const requestClose = () => {
    if (!closeWarning) return onClose();
    const dialog = dialogRef.current;
    const focus = document.activeElement;
    const inside = focus instanceof HTMLElement && focus !== dialog && dialog?.contains(focus);
    askedFromRef.current = inside ? focus : null;
    setAsking(true);
  };

  const keepOpen = () => {
    // Committed first: the control that asked may be hidden while the question shows.
    flushSync(() => setAsking(false));
    const askedFrom = askedFromRef.current;
    askedFromRef.current = null;
    if (askedFrom?.isConnected) askedFrom.focus();
    if (document.activeElement !== askedFrom) fallbackFocusRef?.current?.focus();
  };

  const confirm = () => {
    setAsking(false);
    onClose();
  };

  return { confirming, requestClose, keepOpen, confirm };
}
