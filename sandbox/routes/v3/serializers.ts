import type { ApiKeyV3 } from '../../../src/features/api-keys/api/v3/api-key-v3-schemas';
import type { SandboxStore } from '../../store/store';
import type { DeploymentRecord } from '../../seed/deployments';
import type { StoredApiKey } from '../../store/types';

/** A key as v3 shows it: no id, status or project; the deployments it serves by name. */
export function keyOutV3(store: SandboxStore, key: StoredApiKey): ApiKeyV3 {
  const { name, description, created_at, expires_at } = key;
  const deploymentNames = store
    .boundTo('keyId', key.key_id)
    .flatMap((id) => store.deployments.find((d) => d.instance.id === id)?.instance.name ?? []);
  return { name, description, created_at, expires_at, deployment_names: deploymentNames.sort() };
}

const TRIGGER_KINDS = ['cpu', 'memory', 'gpu_utilization', 'gpu_memory', 'http', 'sqs'] as const;
const NO_TRIGGERS = Object.fromEntries(TRIGGER_KINDS.map((kind) => [kind, null]));

// v3 knows six statuses; the seed's v2-only ones are shown as their nearest v3 meaning.
const V3_STATUS: Record<string, string> = {
  NEW: 'DEPLOYING',
  ERROR: 'PARTIALLYDEPLOYED',
  FAILED: 'PARTIALLYDEPLOYED',
};

/** InferenceInstanceOutSerializerV3 from the shared record; `api_keys` from the bindings. */
export function deploymentOutV3(store: SandboxStore, record: DeploymentRecord) {
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
    containers: instance.containers.map((c) => ({
      ...c,
      address: instance.address,
      // v3's scale lists every trigger kind, null when unused.
      scale: {
        ...c.scale,
        polling_interval: null,
        triggers: { ...NO_TRIGGERS, ...c.scale.triggers },
      },
    })),
    timeout: instance.timeout,
    envs: instance.envs,
    flavor_name: instance.flavor_id,
    command: instance.command?.join(' ') ?? null,
    credentials_name: instance.image_registry_id ?? '',
    logging: null,
    probes: null,
    ingress_opts: null,
    object_references: [],
  };
}
