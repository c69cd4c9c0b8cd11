/**
 * Work under way on a row ("binding…", "deleting…"), with a spinner that motion settings stop.
 * `hidden`: invisible and unannounced, holding the tag's room while no work runs (no spinner: a
 * long list would keep hundreds of unseen animations going). `room`: classes that size it.
 */
export function PendingTag({
  children,
  hidden = false,
  room = '',
}: {
  children: string;
  hidden?: boolean;
  room?: string;
}) {
  return (
    <span
      aria-hidden={hidden || undefined}
      className={`bg-info-subtle text-info-fg inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ${room} ${hidden ? 'invisible' : ''}`}
    >
      {!hidden && (
        <span
          aria-hidden="true"
          className="border-info-fg size-2.5 animate-spin rounded-full border-2 border-t-transparent motion-reduce:animate-none"
        />
      )}
      {children}
    </span>
  );
}
