import { useIsMutating, useQueryClient } from '@tanstack/react-query';
import { Suspense, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { Button } from '../../components/ui/button';
import { LazyBoundary } from '../../components/ui/lazy-boundary';
import { lazyWithPreload } from '../../lib/lazy-with-preload';
import { useApiGeneration } from '../../lib/use-api-generation';
import { useUrlSearch } from '../../lib/use-url-search';
import { afterFirstScreen } from '../../lib/first-screen';
import { ApiDownBanner } from './api-down-banner';
import { apiKeyKeys } from './api/api-key-query-keys';
import { KeysAdapterProvider } from './api/keys-adapter-context';
import { GenerationUnknown } from './generation-unknown';
import { ApiKeysPanelLoading } from './list/api-keys-panel-loading';
import { keysPanelChunk } from './list/keys-panel-chunk';
import { useNewKeys } from './model/new-key-store';
import { keysViewUpdate, readKeysView, type KeysView } from './model/keys-view';
import { usePageProject } from './page-project';
import { useCreateBlocked } from './use-create-blocked';

// Its own chunk, requested by the first reads (and here, for a page that did not start them): the
// list is what the page shows first, so it loads beside the projects call.
const [ApiKeysPanel, preloadApiKeysPanel] = lazyWithPreload(
  keysPanelChunk.load,
  <ApiKeysPanelLoading />,
);
preloadApiKeysPanel();

// The sheet and its form (react-hook-form with it) are off the first load: fetched in the first
// idle moment once the list is shown, out of the way of the list's reads and render, so the sheet
// opens at once when asked. A click before that sees this until then.
const [CreateSheet, preloadCreateSheet] = lazyWithPreload(
  () => import('./create/create-sheet').then((m) => m.CreateSheet),
  <p
    role="status"
    className="bg-surface border-line fixed right-4 bottom-4 rounded-md border px-3 py-2 text-sm shadow"
  >
    Loading the form…
  </p>,
);

/** The keys page, speaking the adapter of the generation the server chose. */
export function KeysPage() {
  const api = useApiGeneration();
  if (api.generation === null) return <GenerationUnknown state={api} />;
  return (
    <LazyBoundary what="the keys page">
      <KeysAdapterProvider generation={api.generation} fallback={<ApiKeysPanelLoading />}>
        <KeysPageContent />
      </KeysAdapterProvider>
    </LazyBoundary>
  );
}

/** One project at a time (chosen in the header): the list and the create sheet follow the URL. */
function KeysPageContent() {
  const [search, setSearch] = useUrlSearch();
  // One object per URL: the list is memoised, and a new view each render would re-render it
  // whenever the page does (a create starting or ending, the sheet opening).
  const searchText = search.toString();
  const view = useMemo(() => readKeysView(new URLSearchParams(searchText)), [searchText]);
  const { projects, project, unknownProject, requestedId, setProject } = usePageProject();
  const reasonId = useId();
  const [sheetOpen, setSheetOpen] = useState(false);
  // Mounted on the first open, then kept (hidden) so an accidental close loses nothing;
  // Discard remounts it empty.
  const [formKey, setFormKey] = useState<number | null>(null);
  // Only a create: an edit, a delete or a binding running elsewhere is not a key being created.
  const creating = useIsMutating({ mutationKey: apiKeyKeys.create() }) > 0;
  // Hidden mid-create: the answer (the secret, shown once, or the error) brings the sheet back.
  const hiddenWhileCreating = useRef(false);
  useEffect(() => {
    if (creating || !hiddenWhileCreating.current) return;
    hiddenWhileCreating.current = false;
    setSheetOpen(true);
  }, [creating]);

  const client = useQueryClient();
  useEffect(() => afterFirstScreen(client, preloadCreateSheet), [client]);

  // The secret was saved and the reveal closed: the sheet's job is done, and the list takes
  // focus on the new key (or it goes back to the Create button).
  // Adjusted during render, not in an effect: the sheet must be gone (and the page no longer
  // inert) by the time the table's effect moves focus to the new row.
  const { focusId } = useNewKeys();
  const [seenFocusId, setSeenFocusId] = useState(focusId);
  if (focusId !== seenFocusId) {
    setSeenFocusId(focusId);
    if (focusId !== null) setSheetOpen(false);
  }

  const onViewChange = useCallback(
    (change: Partial<KeysView>, mode: 'push' | 'replace' = 'push') =>
      setSearch(keysViewUpdate(change), mode),
    [setSearch],
  );
  const listHeadingRef = useRef<HTMLHeadingElement>(null);
  const checkList = useCallback(
    (name: string) => {
      onViewChange({ filter: name });
      setSheetOpen(false);
      // Once the sheet has gone: until then the list is inert and cannot take focus.
      requestAnimationFrame(() => {
        listHeadingRef.current?.focus();
        listHeadingRef.current?.scrollIntoView({ block: 'start' });
      });
    },
    [onViewChange],
  );
  const openSheet = useCallback(() => {
    setFormKey((key) => key ?? 0);
    setSheetOpen(true);
  }, []);
  const discard = () => {
    setFormKey((key) => (key ?? 0) + 1);
    setSheetOpen(false);
  };

  const createBlocked = useCreateBlocked(projects, project);

  return (
    <div data-covered-by-sheet className="flex flex-col gap-4">
      <ApiDownBanner />
      {unknownProject && (
        <p
          role="alert"
          className="border-warning-line bg-warning-subtle text-warning-fg rounded-md border p-3 text-sm"
        >
          Project {requestedId} does not exist or is not yours; showing{' '}
          {project?.name ?? 'the default project'} instead.
        </p>
      )}
      <div className="flex flex-wrap items-center justify-end gap-3">
        {createBlocked && (
          <p id={reasonId} className="text-fg-muted text-sm">
            {createBlocked}
          </p>
        )}
        <Button
          variant="primary"
          // A pointer on its way or focus on it: the click is likely next, list shown or not.
          onPointerEnter={preloadCreateSheet}
          onFocus={preloadCreateSheet}
          onClick={openSheet}
          disabled={createBlocked !== null}
          aria-describedby={createBlocked ? reasonId : undefined}
          aria-haspopup="dialog"
        >
          Create API key
        </Button>
      </div>
      <LazyBoundary what="the list of API keys">
        <Suspense fallback={<ApiKeysPanelLoading />}>
          <ApiKeysPanel
            projectId={project?.id}
            projectName={project?.name}
            view={view}
            onViewChange={onViewChange}
            headingRef={listHeadingRef}
          />
        </Suspense>
      </LazyBoundary>
      {formKey !== null && (
        <LazyBoundary what="the create form">
          <CreateSheet
            open={sheetOpen}
            creating={creating}
            formKey={formKey}
            projectId={project?.id}
            onProjectChange={setProject}
            onCheckList={checkList}
            onClose={() => {
              hiddenWhileCreating.current = creating;
              setSheetOpen(false);
            }}
            onDiscard={discard}
          />
        </LazyBoundary>
      )}
    </div>
  );
}
