/** Work under way on a row ("binding…", "deleting…"), with a spinner that motion settings stop. */
export function PendingTag({ children }: { children: string }) {
  return (
    <span className="bg-info-subtle text-info-fg inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap">
      <span
        aria-hidden="true"
        className="border-info-fg size-2.5 animate-spin rounded-full border-2 border-t-transparent motion-reduce:animate-none"
      />
      {children}
    </span>
  );
}
