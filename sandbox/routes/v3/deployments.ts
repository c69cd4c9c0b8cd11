import * as z from 'zod/mini';
import { parseBody } from '../../http/body';
import type { RouteDeps, SandboxApp, SandboxContext } from '../../http/context';
import { type InvalidFields, methodNotAllowed, notFound } from '../../http/errors';
import { projectParam, unsortedPage } from '../../http/query';
import type { DeploymentRecord } from '../../seed/deployments';
import type { SandboxStore } from '../../store/store';

const DEPLOYMENTS = '/cloud/v3/inference/:project_id/deployments';
const DEPLOYMENT = `${DEPLOYMENTS}/:deployment_name`;
const TASK = '/cloud/v1/tasks/:task_id';

/** The spec's update body as far as keys go; any other field is refused, naming it. */
const patchSpecSchema = z.strictObject({
  api_keys: z.optional(z.nullable(z.array(z.string(), 'Give a list of API key names.'))),
  auth_enabled: z.optional(z.boolean()),
});

/** v3 deployments: a PATCH of the whole `api_keys` list lands when its task finishes. */
export function registerV3DeploymentRoutes(app: SandboxApp, { store, tasks }: RouteDeps): void {
  const live = (projectId: number) =>
    store.deployments.filter((d) => d.project_id === projectId && d.instance.status !== 'DELETED');
  const deploymentOf = (c: SandboxContext) => {
    const projectId = projectParam(c, store);
    const name = c.req.param('deployment_name') ?? '';
    const record = live(projectId).find((d) => d.instance.name === name);
    if (!record) throw notFound(`Deployment ${name}`, projectId);
    return record;
  };

  app.get(DEPLOYMENTS, (c) => {
    const { count, results } = unsortedPage(c, 1000, live(projectParam(c, store)));
    return c.json({ count, results: results.map((d) => deploymentOutV3(store, d)) }, 200);
  });
  app.all(DEPLOYMENTS, methodNotAllowed);

  app.get(DEPLOYMENT, (c) => c.json(deploymentOutV3(store, deploymentOf(c)), 200));
  app.patch(DEPLOYMENT, (c) => {
    const { project_id: projectId, instance } = deploymentOf(c);
    const { api_keys: names } = parseBody(patchSpecSchema, c.get('body'), (input): InvalidFields =>
      'auth_enabled' in input && input.api_keys != null
        ? { api_keys: ['auth_enabled and api_keys cannot be given together.'] }
        : {},
    );
    // Decision: null or absent leaves the list alone; auth_enabled alone is ignored.
    if (!names) return c.json({ tasks: [] }, 200);
    const wanted = [...new Set(names)];
    const missing = wanted.filter((name) => !store.keyNamed(projectId, name));
    if (missing.length > 0) throw notFound(`API key ${missing.join(', ')}`, projectId);
    const keyIds = wanted.map((name) => store.keyNamed(projectId, name)?.key_id ?? '');
    // Ids hold no comma, so equal joins are equal lists.
    const unchanged = store.boundTo('deploymentId', instance.id).join() === keyIds.join();
    if (unchanged) return c.json({ tasks: [] }, 200);
    const task = tasks.start(projectId, instance.name, () => {
      // A key deleted while the task ran is no longer there to bind.
      const kept = keyIds.filter((id) => store.keys.has(id));
      store.bind('deploymentId', instance.id, kept);
    });
    return c.json({ tasks: [task] }, 200);
  });
  app.all(DEPLOYMENT, methodNotAllowed);

  app.get(TASK, (c) => {
    const task = tasks.get(c.req.param('task_id'));
    if (!task) throw notFound(`Task ${c.req.param('task_id')}`);
    return c.json(task, 200);
  });
  app.all(TASK, methodNotAllowed);
}

const TRIGGER_KINDS = ['cpu', 'memory', 'gpu_utilization', 'gpu_memory', 'http', 'sqs'] as const;
const NO_TRIGGERS = Object.fromEntries(TRIGGER_KINDS.map((kind) => [kind, null]));

// v3 knows six statuses; the seed's v2-only ones are shown as their nearest v3 meaning.
const V3_STATUS: Record<string, string> = {
  NEW: 'DEPLOYING',
  ERROR: 'PARTIALLYDEPLOYED',
  FAILED: 'PARTIALLYDEPLOYED',
};

// What the seed does not model, as v3 answers for a deployment without it.
const NOT_MODELLED = { logging: null, probes: null, ingress_opts: null, object_references: [] };

/** InferenceInstanceOutSerializerV3 from the shared record; `api_keys` from the bindings. */
function deploymentOutV3(store: SandboxStore, record: DeploymentRecord) {
  const { instance } = record;
  const apiKeys = store
    .boundTo('deploymentId', instance.id)
    .flatMap((id) => store.keys.get(id)?.name ?? []);
  return {
    project_id: record.project_id,
    name: instance.name,
    description: instance.description ?? '',
    image: instance.image,
    listening_port: instance.listening_port,
    created_at: instance.created_at,
    status: V3_STATUS[instance.status] ?? instance.status,
    // Decision: null for a deployment without keys; auth is on exactly when it has keys.
    api_keys: apiKeys.length > 0 ? apiKeys : null,
    auth_enabled: apiKeys.length > 0,
    address: instance.address,
    // v3's scale lists every trigger kind, null when unused.
    containers: instance.containers.map(({ scale, ...c }) => ({
      ...c,
      address: instance.address,
      scale: { ...scale, polling_interval: null, triggers: { ...NO_TRIGGERS, ...scale.triggers } },
    })),
    timeout: instance.timeout,
    envs: instance.envs,
    flavor_name: instance.flavor_id,
    command: instance.command?.join(' ') ?? null,
    credentials_name: instance.image_registry_id ?? '',
    ...NOT_MODELLED,
  };
}
