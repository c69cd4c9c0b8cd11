import type { RouteDeps, SandboxApp } from '../../http/context';
import { requireJsonObject } from '../../http/body';
import { methodNotAllowed, notFoundFailure, validationFailure } from '../../http/errors';
import { pageOf } from '../../http/query';
import type { TaskBoard } from '../../store/tasks';
import { unknownFields } from './api-keys';
import { deploymentParam, pageParams, projectParam } from './params';
import { deploymentOutV3 } from './serializers';

const DEPLOYMENTS = '/cloud/v3/inference/:project_id/deployments';
const DEPLOYMENT = `${DEPLOYMENTS}/:deployment_name`;

export type V3Deps = RouteDeps & { tasks: TaskBoard };

/**
 * v3 deployments: keys are bound from this side, by PATCHing the whole `api_keys` list, which
 * lands only when its task finishes (Decisions in docs/decisions.md).
 */
export function registerV3DeploymentRoutes(app: SandboxApp, { store, tasks }: V3Deps): void {
  const live = (projectId: number) =>
    store.deployments.filter((d) => d.project_id === projectId && d.instance.status !== 'DELETED');

  app.get(DEPLOYMENTS, (c) => {
    const projectId = projectParam(c, store);
    const { count, results } = pageOf(live(projectId), pageParams(c, 1000));
    return c.json({ count, results: results.map((d) => deploymentOutV3(store, d)) }, 200);
  });
  app.all(DEPLOYMENTS, methodNotAllowed);

  app.get(DEPLOYMENT, (c) => {
    const projectId = projectParam(c, store);
    return c.json(deploymentOutV3(store, deploymentParam(c, store, projectId)), 200);
  });
  app.patch(DEPLOYMENT, (c) => {
    const projectId = projectParam(c, store);
    const record = deploymentParam(c, store, projectId);
    const input = requireJsonObject(c.get('body'));
    const invalid = unknownFields(input, ['api_keys', 'auth_enabled']);
    const names = input.api_keys;
    if ('auth_enabled' in input && names !== undefined && names !== null) {
      invalid.api_keys = ['auth_enabled and api_keys cannot be given together.'];
    }
    if (names !== undefined && names !== null && !isStringArray(names)) {
      invalid.api_keys = ['Give a list of API key names.'];
    }
    if (Object.keys(invalid).length > 0) {
      throw validationFailure(invalid);
    }
    // Decision: null or absent leaves the list alone; auth_enabled alone is ignored.
    if (!isStringArray(names)) return c.json({ tasks: [] }, 200);
    const wanted = [...new Set(names)];
    const keys = store.keysOf(projectId);
    const missing = wanted.filter((name) => !keys.some((k) => k.name === name));
    if (missing.length > 0) {
      throw notFoundFailure(`API key ${missing.join(', ')} not found in project ${projectId}.`);
    }
    const keyIds = wanted.map((name) => keys.find((k) => k.name === name)?.key_id ?? '');
    const current = store.boundTo('deploymentId', record.instance.id);
    if (current.length === keyIds.length && current.every((id, i) => id === keyIds[i])) {
      return c.json({ tasks: [] }, 200);
    }
    const id = record.instance.id;
    const task = tasks.start(projectId, record.instance.name, () => {
      // A key deleted while the task ran is no longer there to bind.
      store.bind(
        'deploymentId',
        id,
        keyIds.filter((keyId) => store.keys.has(keyId)),
      );
    });
    return c.json({ tasks: [task] }, 200);
  });
  app.all(DEPLOYMENT, methodNotAllowed);

  app.get('/cloud/v1/tasks/:task_id', (c) => {
    const task = tasks.get(c.req.param('task_id'));
    if (!task) throw notFoundFailure(`Task ${c.req.param('task_id')} not found.`);
    return c.json(task, 200);
  });
  app.all('/cloud/v1/tasks/:task_id', methodNotAllowed);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
