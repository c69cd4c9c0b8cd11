import type { ReactNode } from 'react';

type FormFooterProps = {
  /** The polite status the submit button is described by (`aria-describedby`). */
  statusId: string;
  status: ReactNode;
  /** The buttons, in reading order (Cancel, then the action). */
  children: ReactNode;
};

/**
 * A dialog form's last row: its status, then its buttons, which never part: they stay on one row,
 * right-aligned. Where the row is too narrow for both (a phone) the buttons go above the status
 * (`flex-wrap-reverse`), so the status growing into a second line moves nothing that can be pressed.
 */
export function FormFooter({ statusId, status, children }: FormFooterProps) {
  return (
    <div className="flex flex-wrap-reverse items-center justify-end gap-3">
      <p id={statusId} role="status" className="text-fg-muted min-w-0 flex-[1_1_12rem] text-sm">
        {status}
      </p>
      <div className="flex shrink-0 items-center gap-3">{children}</div>
    </div>
  );
}
