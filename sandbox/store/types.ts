import type { ApiKey } from '../../src/features/api-keys/api/api-key-schemas';
import type {
  Deployment,
  DEPLOYMENT_STATUSES,
} from '../../src/features/deployments/api/v2/deployment-schemas';

export type DeploymentStatus = (typeof DEPLOYMENT_STATUSES)[number];

/** ContainerOutSerializer, as much of it as the seed needs to be realistic. */
export interface ContainerOut {
  region_id: number;
  scale: {
    min: number;
    max: number;
    cooldown_period: number | null;
    triggers: {
      cpu?: { threshold: number } | null;
      http?: { rate: number; window: number } | null;
    } | null;
  };
  deploy_status: { ready: number; total: number };
  error_message: string | null;
}

/**
 * A deployment as v2 shows it (InferenceInstanceOutSerializer) minus what the bindings derive;
 * v3 reads it too. On the app's type, so a field the app starts to require breaks the seed.
 */
export interface InferenceInstance extends Omit<
  Deployment,
  'api_key_ids' | 'auth_enabled' | 'status'
> {
  status: DeploymentStatus;
  image: string;
  listening_port: number;
  flavor_id: string;
  containers: ContainerOut[];
  command: string[] | null;
  envs: Record<string, string> | null;
  image_registry_id: string | null;
  probes: null;
  timeout: number | null;
}

/** A deployment and the project it lives in (which the v2 body itself does not carry). */
export interface DeploymentRecord {
  project_id: number;
  instance: InferenceInstance;
}

/**
 * A key as stored, without status (it depends on the clock at read time) and without bindings
 * (kept as a relation in the store, so every API generation derives its own view of them).
 */
export interface StoredApiKey extends Omit<
  ApiKey,
  'status' | 'project_id' | 'inference_instance_ids'
> {
  project_id: number;
}

/** A key with the deployment ids it is bound to: how v2 shows it, and how the seed lists it. */
export interface KeyWithBindings extends StoredApiKey {
  inference_instance_ids: readonly string[];
}

/** One key bound to one deployment. */
export interface Binding {
  keyId: string;
  deploymentId: string;
}
