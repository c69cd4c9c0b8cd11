import { useApiGeneration } from '../../lib/use-api-generation';
import { useUrlSearch } from '../../lib/use-url-search';
import { KeysAdapterProvider } from './api/keys-adapter-context';
import { useExpiringSoonCount } from './api/use-expiring-soon-count';
import { keysViewUpdate, readKeysView } from './model/keys-view';
import { usePageProject } from './page-project';

/**
 * The header's "N expiring soon": the project's keys that expire within 14 days, a toggle that
 * shows only them in the list (`?expiring=1`, so a link keeps it). Hidden when none does, unless
 * it is the filter in force: pressing it again is how the list comes back.
 */
export function ExpiringSoonButton() {
  const { generation } = useApiGeneration();
  if (generation === null) return null;
  return (
    <KeysAdapterProvider generation={generation} fallback={null}>
      <ExpiringSoonToggle />
    </KeysAdapterProvider>
  );
}

function ExpiringSoonToggle() {
  const [search, setSearch] = useUrlSearch();
  const view = readKeysView(search);
  const { project } = usePageProject();
  const count = useExpiringSoonCount(view, project?.id);
  const sentence =
    count === undefined
      ? ''
      : `${count === 0 ? 'No' : count} ${count === 1 ? 'key expires' : 'keys expire'} within 14 days.`;
  return (
    <>
      {/* Polite, and always there, so a change of the count is read out, not its first showing. */}
      <span role="status" className="sr-only">
        {sentence}
      </span>
      {count !== undefined && (count > 0 || view.expiring) && (
        <button
          type="button"
          aria-pressed={view.expiring}
          title={sentence}
          onClick={() => setSearch(keysViewUpdate({ expiring: !view.expiring }))}
          className="border-warning-line bg-warning-subtle text-warning-fg focus-visible:outline-focus aria-pressed:bg-warning-fg aria-pressed:text-surface rounded-full border px-2.5 py-0.5 text-sm font-medium whitespace-nowrap focus-visible:outline-2 focus-visible:outline-offset-2"
        >
          {count} expiring soon
        </button>
      )}
    </>
  );
}
