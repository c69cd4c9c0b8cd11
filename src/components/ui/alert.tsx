import type { ReactNode, Ref } from 'react';

/**
 * Something failed and the user should know now: announced at once (`role="alert"`), in red.
 * Its actions (Retry, …) go inside, after the message.
 */
export function Alert({ children, ref }: { children: ReactNode; ref?: Ref<HTMLDivElement> }) {
  return (
    <div
      ref={ref}
      role="alert"
      className="border-danger-line bg-danger-subtle text-danger-fg flex flex-col items-start gap-2 rounded-md border p-3 text-sm"
    >
      {children}
    </div>
  );
}
