import { PROJECTS_PATH } from '../../src/features/projects/api/project-schemas';
import type { RouteDeps, SandboxApp } from '../http/context';
import { type InvalidFields, methodNotAllowed } from '../http/errors';
import { CREATED_DESC, parsePageQuery, sortedPage } from '../http/query';

/** The spec's ProjectOrderByChoices (the contract test checks they agree). */
export const PROJECT_ORDER_FIELDS = ['created_at', 'name'] as const;
/** Pydantic's lenient booleans. */
const TRUE = ['true', '1', 'yes', 'on'];
const FALSE = ['false', '0', 'no', 'off'];

/** The projects list, the same in every API generation. */
export function registerProjectRoutes(app: SandboxApp, { store }: RouteDeps): void {
  app.get(PROJECTS_PATH, (c) => {
    const deleted = c.req.query('include_deleted')?.toLowerCase() ?? 'false';
    const includeDeleted = TRUE.includes(deleted);
    const valid = includeDeleted || FALSE.includes(deleted);
    const invalid: InvalidFields = valid ? {} : { include_deleted: ['Must be a valid boolean.'] };
    const page = parsePageQuery(c, PROJECT_ORDER_FIELDS, CREATED_DESC, invalid);
    const name = (c.req.query('name') ?? '').toLowerCase();
    const matching = store.projects.filter(
      (p) => (includeDeleted || p.deleted_at === null) && p.name.toLowerCase().includes(name),
    );
    return c.json(
      sortedPage(matching, page, (p, f) => [p[f], p.id]),
      200,
    );
  });
  app.all(PROJECTS_PATH, methodNotAllowed);
}
