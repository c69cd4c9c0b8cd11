import { useQuery } from '@tanstack/react-query';
import { startTransition, Suspense, useCallback, useRef, useState } from 'react';
import { ApiKeysPanelLoading } from '../features/api-keys/components/api-keys-panel-loading';
import { CreateApiKeyPanel } from '../features/api-keys/components/create-api-key-panel';
import { LazyBoundary } from '../features/api-keys/components/lazy-boundary';
import { lazyWithPreload } from '../features/api-keys/components/lazy-with-preload';
import { keysViewUpdate, readKeysView, type KeysView } from '../features/api-keys/model/keys-view';
import { projectsQueryOptions } from '../features/projects/api/get-projects';
import { findDefaultProject } from '../features/projects/api/project-schemas';
import { useUrlSearch } from '../lib/use-url-search';

// Its own chunk: the form is what the page is for, and it paints without waiting for the list,
// its table and its dialogs. The chunk is requested as the page first renders.
const [ApiKeysPanel] = lazyWithPreload(
  () => import('../features/api-keys/components/api-keys-panel').then((m) => m.ApiKeysPanel),
  <ApiKeysPanelLoading />,
);

/** One project at a time: the create form and the list both follow the project in the URL. */
export function KeysPage() {
  const [search, setSearch] = useUrlSearch();
  const view = readKeysView(search);
  const projects = useQuery(projectsQueryOptions());
  const defaultProject = findDefaultProject(projects.data);
  const requested =
    view.projectId === null ? undefined : projects.data?.find((p) => p.id === view.projectId);
  const project = requested ?? defaultProject;
  const unknownProject =
    view.projectId !== null && projects.data !== undefined && requested === undefined;

  const [newKeyIds, setNewKeyIds] = useState<ReadonlySet<string>>(new Set());
  const [focusKeyId, setFocusKeyId] = useState<string | null>(null);
  const onViewChange = useCallback(
    (change: Partial<KeysView>, mode: 'push' | 'replace' = 'push') =>
      setSearch(keysViewUpdate(change), mode),
    [setSearch],
  );
  const onFocused = useCallback(() => setFocusKeyId(null), []);
  const nameInputRef = useRef<HTMLInputElement>(null);
  const listHeadingRef = useRef<HTMLHeadingElement>(null);
  // Stable callbacks: the create form (memoised) must not re-render on every change of the
  // list's view, such as each filter or page change.
  const checkList = useCallback(
    (name: string) => {
      onViewChange({ filter: name });
      listHeadingRef.current?.focus();
      listHeadingRef.current?.scrollIntoView({ block: 'start' });
    },
    [onViewChange],
  );
  const onProjectChange = useCallback(
    (projectId: number) => onViewChange({ projectId }),
    [onViewChange],
  );
  // A transition: the reveal dialog paints first, the list marks the new row after.
  const onCreated = useCallback(
    (keyId: string) => startTransition(() => setNewKeyIds((ids) => new Set(ids).add(keyId))),
    [],
  );
  const onFocusMissing = useCallback(() => {
    setFocusKeyId(null);
    nameInputRef.current?.focus();
  }, []);

  return (
    <div className="flex flex-col gap-6">
      {unknownProject && (
        <p
          role="alert"
          className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
        >
          Project {view.projectId} does not exist or is not yours; showing{' '}
          {project?.name ?? 'the default project'} instead.
        </p>
      )}
      <div className="grid grid-cols-1 items-start gap-6 xl:grid-cols-[26rem_minmax(0,1fr)]">
        <CreateApiKeyPanel
          projectId={project?.id}
          onProjectChange={onProjectChange}
          onCreated={onCreated}
          onRevealClosed={setFocusKeyId}
          nameInputRef={nameInputRef}
          onCheckList={checkList}
        />
        <LazyBoundary what="the list of API keys">
          <Suspense fallback={<ApiKeysPanelLoading />}>
            <ApiKeysPanel
              projectId={project?.id}
              projectName={project?.name}
              view={view}
              onViewChange={onViewChange}
              newKeyIds={newKeyIds}
              focusKeyId={focusKeyId}
              onFocused={onFocused}
              onFocusMissing={onFocusMissing}
              headingRef={listHeadingRef}
            />
          </Suspense>
        </LazyBoundary>
      </div>
    </div>
  );
}
