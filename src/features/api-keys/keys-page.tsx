import { useQuery } from '@tanstack/react-query';
import { Suspense, useCallback, useRef } from 'react';
import { LazyBoundary } from '../../components/ui/lazy-boundary';
import { lazyWithPreload } from '../../lib/lazy-with-preload';
import { useApiGeneration } from '../../lib/use-api-generation';
import { useUrlSearch } from '../../lib/use-url-search';
import { projectsQueryOptions } from '../projects/api/get-projects';
import { findDefaultProject } from '../projects/api/project-schemas';
import { KeysAdapterProvider } from './api/keys-adapter-context';
import { CreateApiKeyPanel } from './create/create-api-key-panel';
import { GenerationUnknown } from './generation-unknown';
import { ApiKeysPanelLoading } from './list/api-keys-panel-loading';
import { keysViewUpdate, readKeysView, type KeysView } from './model/keys-view';

// Its own chunk: the form is what the page is for, and it paints without waiting for the list,
// its table and its dialogs. The chunk is requested as the page first renders.
const [ApiKeysPanel] = lazyWithPreload(
  () => import('./list/api-keys-panel').then((m) => m.ApiKeysPanel),
  <ApiKeysPanelLoading />,
);

/** The keys page, speaking the adapter of the generation the server chose. */
export function KeysPage() {
  const api = useApiGeneration();
  if (api.generation === null) return <GenerationUnknown state={api} />;
  return (
    <KeysAdapterProvider generation={api.generation}>
      <KeysPageContent />
    </KeysAdapterProvider>
  );
}

/** One project at a time: the create form and the list both follow the project in the URL. */
function KeysPageContent() {
  const [search, setSearch] = useUrlSearch();
  const view = readKeysView(search);
  const projects = useQuery(projectsQueryOptions());
  const defaultProject = findDefaultProject(projects.data);
  const requested =
    view.projectId === null ? undefined : projects.data?.find((p) => p.id === view.projectId);
  const project = requested ?? defaultProject;
  const unknownProject =
    view.projectId !== null && projects.data !== undefined && requested === undefined;

  const onViewChange = useCallback(
    (change: Partial<KeysView>, mode: 'push' | 'replace' = 'push') =>
      setSearch(keysViewUpdate(change), mode),
    [setSearch],
  );
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

  return (
    <div className="flex flex-col gap-6">
      {unknownProject && (
        <p
          role="alert"
          className="border-warning-line bg-warning-subtle text-warning-fg rounded-md border p-3 text-sm"
        >
          Project {view.projectId} does not exist or is not yours; showing{' '}
          {project?.name ?? 'the default project'} instead.
        </p>
      )}
      <div className="grid grid-cols-1 items-start gap-6 xl:grid-cols-[26rem_minmax(0,1fr)]">
        <CreateApiKeyPanel
          projectId={project?.id}
          onProjectChange={onProjectChange}
          onCheckList={checkList}
        />
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
      </div>
    </div>
  );
}
