import type { Context, Hono } from 'hono';
import type { ApiKey } from '../src/features/api-keys/api/api-key-schemas';
import type {
  Deployment,
  DEPLOYMENT_STATUSES,
} from '../src/features/deployments/api/deployment-schemas';
import type { SandboxStore } from './sandbox-store';

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
 * A v2 deployment as the API shows it (InferenceInstanceOutSerializer), minus `api_key_ids`,
 * which is derived from the keys at read time so bindings can never drift between the two sides.
 * Built on the app's Deployment type so a field the app starts to require breaks the seed.
 */
export interface InferenceInstance extends Omit<Deployment, 'api_key_ids' | 'status'> {
  status: DeploymentStatus;
  image: string;
  listening_port: number;
  flavor_id: string;
  containers: ContainerOut[];
  auth_enabled: boolean;
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

/** A key as stored: status is not stored because it depends on the clock at read time. */
export interface StoredApiKey extends Omit<ApiKey, 'status' | 'project_id'> {
  project_id: number;
}

/** The request body, parsed once by the gateway so the log and the handlers see the same thing. */
export type ParsedBody =
  { kind: 'empty' } | { kind: 'json'; value: unknown } | { kind: 'invalid'; text: string };

export interface SandboxEnv {
  Variables: { requestId: string; body: ParsedBody };
}
export type SandboxApp = Hono<SandboxEnv>;
export type SandboxContext = Context<SandboxEnv>;

export interface RouteDeps {
  store: SandboxStore;
  now: () => Date;
}
