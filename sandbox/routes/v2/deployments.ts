import { DEPLOYMENTS_PATH } from '../../../src/features/deployments/api/v2/deployment-schemas';
import type { RouteDeps, SandboxApp } from '../../http/context';
import { methodNotAllowed } from '../../http/errors';
import { CREATED_DESC, parsePageQuery, projectIdOf, sortedPage } from '../../http/query';
import { deploymentOut } from './serializers';

const DEPLOYMENT_ORDER_FIELDS = ['name', 'created_at', 'status'] as const;

/** The v2 deployments list, for the instance picker: each with the ids of its keys. */
export function registerV2DeploymentRoutes(app: SandboxApp, { store }: RouteDeps): void {
  app.get(DEPLOYMENTS_PATH, (c) => {
    const projectId = projectIdOf(c.req.query('project_id'));
    const page = parsePageQuery(c, DEPLOYMENT_ORDER_FIELDS, CREATED_DESC);
    const project = store.requireProject(projectId);
    const listed = store.deployments.filter((d) => d.project_id === project.id);
    const { count, results } = sortedPage(listed, page, (d, f) => [d.instance[f], d.instance.id]);
    return c.json({ count, results: results.map((d) => deploymentOut(d, store)) }, 200);
  });
  app.all(DEPLOYMENTS_PATH, methodNotAllowed);
}
