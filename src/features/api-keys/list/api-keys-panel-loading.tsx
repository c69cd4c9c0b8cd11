/**
 * Stands in for the API keys panel while its code loads: the same frame, heading and loading
 * message as the panel's own first load, so nothing moves when it arrives.
 */
export function ApiKeysPanelLoading() {
  return (
    <section
      aria-labelledby="api-keys-loading-heading"
      className="flex min-w-0 flex-col gap-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm"
    >
      <div>
        <h2 id="api-keys-loading-heading" className="text-lg font-semibold">
          API keys
        </h2>
        <p className="text-sm text-slate-600">Loading…</p>
      </div>
      <p role="status" aria-busy="true" className="py-8 text-center text-sm text-slate-600">
        Loading API keys…
      </p>
    </section>
  );
}
