import { PROJECTS_PATH } from '../../src/features/projects/api/project-schemas';
import type { RouteDeps, SandboxApp } from '../http/context';
import { addInvalid, type InvalidFields, methodNotAllowed } from '../http/errors';
import { pageOf, parsePageQuery, sortItems } from '../http/query';

/** The spec's ProjectOrderByChoices (the contract test checks they agree). */
export const PROJECT_ORDER_FIELDS = ['created_at', 'name'] as const;

/** The projects list, the same in every API generation. */
export function registerProjectRoutes(app: SandboxApp, deps: RouteDeps): void {
  app.get(PROJECTS_PATH, (c) => {
    const query = (name: string) => c.req.query(name);
    const invalid: InvalidFields = {};
    const includeDeleted = parseBoolean(query('include_deleted'));
    if (includeDeleted === undefined) {
      addInvalid(invalid, 'include_deleted', 'Must be a valid boolean.');
    }
    const page = parsePageQuery(
      query,
      PROJECT_ORDER_FIELDS,
      { field: 'created_at', direction: 'desc' },
      invalid,
    );
    const name = (query('name') ?? '').toLowerCase();
    const matching = deps.store.projects.filter(
      (p) => (includeDeleted || p.deleted_at === null) && p.name.toLowerCase().includes(name),
    );
    const sorted = sortItems(
      matching,
      page.orderBy,
      (p, field) => p[field],
      (p) => p.id,
    );
    return c.json(pageOf(sorted, page), 200);
  });
  app.all(PROJECTS_PATH, methodNotAllowed);
}

/** Pydantic's lenient booleans; undefined means "present but not a boolean". */
function parseBoolean(raw: string | undefined): boolean | undefined {
  if (raw === undefined) return false;
  const value = raw.toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(value)) return true;
  if (['false', '0', 'no', 'off'].includes(value)) return false;
  return undefined;
}
