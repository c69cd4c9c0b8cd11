/**
 * Stands in for the API keys panel while its code loads: the same frame, heading and loading
 * message as the panel's own first load, so nothing moves when it arrives.
 */
export function ApiKeysPanelLoading() {
  return (
    <section
      aria-labelledby="api-keys-loading-heading"
      className="border-line bg-surface flex min-w-0 flex-col gap-4 rounded-xl border p-6 shadow-sm"
    >
      <div>
        <h2 id="api-keys-loading-heading" className="text-lg font-semibold">
          API keys
        </h2>
        <p className="text-fg-muted text-sm">Loading…</p>
      </div>
      <p role="status" aria-busy="true" className="text-fg-muted py-8 text-center text-sm">
        Loading API keys…
      </p>
    </section>
  );
}
