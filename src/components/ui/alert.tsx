import type { ReactNode } from 'react';

/**
 * Something failed and the user should know now: announced at once (`role="alert"`), in red.
 * Its actions (Retry, …) go inside, after the message.
 */
export function Alert({ children }: { children: ReactNode }) {
  return (
    <div
      role="alert"
      className="flex flex-col items-start gap-2 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900"
    >
      {children}
    </div>
  );
}
