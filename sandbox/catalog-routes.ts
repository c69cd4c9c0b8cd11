import { DEPLOYMENTS_PATH } from '../src/features/deployments/api/deployment-schemas';
import { PROJECTS_PATH } from '../src/features/projects/api/project-schemas';
import { pageOf, parsePageQuery, parseProjectId, sortItems } from './list-query';
import { methodNotAllowed } from './method-not-allowed';
import { addInvalid, type InvalidFields } from './sandbox-error';
import type { RouteDeps, SandboxApp } from './sandbox-types';
import { deploymentOut } from './serializers';

const DEPLOYMENT_ORDER_FIELDS = ['name', 'created_at', 'status'] as const;
/** The spec's ProjectOrderByChoices (the contract test checks they agree). */
export const PROJECT_ORDER_FIELDS = ['created_at', 'name'] as const;

export function registerCatalogRoutes(app: SandboxApp, deps: RouteDeps): void {
  app.get(DEPLOYMENTS_PATH, (c) => {
    const query = (name: string) => c.req.query(name);
    const projectId = parseProjectId(query('project_id'));
    const page = parsePageQuery(query, DEPLOYMENT_ORDER_FIELDS, {
      field: 'created_at',
      direction: 'desc',
    });
    const project = deps.store.requireProject(projectId);
    const inProject = deps.store.deployments.filter((d) => d.project_id === project.id);
    const sorted = sortItems(
      inProject,
      page.orderBy,
      (d, field) => d.instance[field],
      (d) => d.instance.id,
    );
    const { count, results } = pageOf(sorted, page);
    return c.json({ count, results: results.map((d) => deploymentOut(d, deps.store)) }, 200);
  });
  app.all(DEPLOYMENTS_PATH, methodNotAllowed);

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
