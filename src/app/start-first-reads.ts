import type { QueryClient } from '@tanstack/react-query';
import { prefetchKeysView } from '../features/api-keys/api/key-queries';
import { loadKeysAdapter } from '../features/api-keys/api/keys-adapter-context';
import { keysPanelChunk } from '../features/api-keys/list/keys-panel-chunk';
import { readKeysView } from '../features/api-keys/model/keys-view';
import { choosePageProject } from '../features/api-keys/page-project';
import { readAuthMode } from '../features/auth/auth-mode';
import { projectsQueryOptions } from '../features/projects/api/get-projects';
import { configuredApiGeneration } from '../lib/api-config';
import { tokenStore } from '../lib/token-store';

/**
 * The page's reads form a chain (projects, then the project's keys and deployments). Started
 * here, before React's first render, the chain runs while that render and its paint happen, not
 * after them; the page's own queries then find the answers (or the calls in flight) in the
 * cache, and show any failure themselves. Nothing before sign-in: it could only be refused.
 */
export function startFirstReads(
  queryClient: QueryClient,
  url: URL = new URL(window.location.href),
) {
  if (readAuthMode() === 'personal' && !tokenStore.getState().signedIn) return;
  const projects = queryClient.fetchQuery(projectsQueryOptions());
  // The list's code too, on the wire beside the projects call instead of after the first render.
  void keysPanelChunk.load().catch(() => undefined);
  const generation = configuredApiGeneration();
  if (generation === null) return void projects.catch(() => undefined);
  const view = readKeysView(url.searchParams);
  void Promise.all([projects, loadKeysAdapter(generation)])
    .then(([list, adapter]) => {
      const { project } = choosePageProject(list.results, view.projectId);
      if (project) prefetchKeysView(queryClient, adapter, view, project.id);
    })
    .catch(() => undefined);
}
