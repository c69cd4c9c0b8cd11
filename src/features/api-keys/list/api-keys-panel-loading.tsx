import { useApiDown } from '../../../lib/use-api-down';
import { KeysWaitingForApi } from './keys-waiting-for-api';

/**
 * Stands in for the API keys panel while its code loads: the same frame, heading and loading
 * message as the panel's own first load, so nothing moves when it arrives. While the API cannot
 * be reached it says what the panel will say, not "Loading" for ever.
 */
export function ApiKeysPanelLoading() {
  const apiDown = useApiDown() !== null;
  return (
    <section
      aria-labelledby="api-keys-loading-heading"
      className="border-line bg-surface flex min-w-0 flex-col gap-4 rounded-xl border p-6 shadow-sm"
    >
      <div>
        <h2 id="api-keys-loading-heading" className="text-lg font-semibold">
          API keys
        </h2>
        <p className="text-fg-muted text-sm">{apiDown ? '' : 'Loading…'}</p>
      </div>
      {apiDown ? (
        <KeysWaitingForApi />
      ) : (
        <p role="status" aria-busy="true" className="text-fg-muted py-8 text-center text-sm">
          Loading API keys…
        </p>
      )}
    </section>
  );
}
