import { useEffect, useState } from 'react';

const SHOWN_MS = 8000;

/**
 * Saved and deleted, said in a polite live region that floats over the page (toast-like) instead of
 * a line that pushes the table down. The region is always there, empty when quiet, so screen
 * readers announce what is put in it.
 */
export type Announcement = { text: string; at: number };

export function KeysAnnouncer({ message }: { message: Announcement | null }) {
  // The message whose time is up; a newer one (another `at`) shows again.
  const [expired, setExpired] = useState<number | null>(null);
  useEffect(() => {
    if (!message) return;
    const timer = window.setTimeout(() => setExpired(message.at), SHOWN_MS);
    return () => window.clearTimeout(timer);
  }, [message]);
  const shown = message && message.at !== expired ? message : null;
  return (
    <div
      role="status"
      aria-live="polite"
      className="pointer-events-none fixed right-4 bottom-4 z-30 flex max-w-[calc(100vw-2rem)] justify-end"
    >
      {shown && (
        <p className="border-success-line bg-success-subtle text-success-fg rounded-md border px-4 py-2 text-sm shadow-lg">
          {shown.text}
        </p>
      )}
    </div>
  );
}
