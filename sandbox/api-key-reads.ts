import { keyJson } from './key-json';
import { KEY_ORDER_FIELDS } from './key-order';
import { pageFromAscending, parsePageQuery, parseProjectId, type QueryReader } from './list-query';
import type { RouteDeps } from './sandbox-types';

/**
 * GET /cloud/v2/inference/api_keys as JSON text, for the app's route and the Node fast path
 * alike: what `JSON.stringify({ count, results })` of the keys through keyOut would give. Every
 * broken parameter is a 400 and an unknown project a 404, thrown as SandboxError.
 */
export function listKeysJson(deps: RouteDeps, query: QueryReader): string {
  const projectId = parseProjectId(query('project_id'));
  const page = parsePageQuery(query, KEY_ORDER_FIELDS, {
    field: 'created_at',
    direction: 'desc',
  });
  const project = deps.store.requireProject(projectId);
  // Kept sorted by the store, so a page costs its own length, not a sort of every key.
  const ascending = deps.store.keysAscending(project.id, page.orderBy.field);
  const now = deps.now();
  const results = pageFromAscending(ascending, page.orderBy.direction, page);
  let json = `{"count":${ascending.length},"results":[`;
  for (let i = 0; i < results.length; i += 1) {
    json += (i === 0 ? '' : ',') + keyJson(results[i] as (typeof results)[number], now);
  }
  return `${json}]}`;
}
