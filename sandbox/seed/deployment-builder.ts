import type { DeploymentRecord, DeploymentStatus, InferenceInstance } from '../store/types';

const FLAVORS = {
  h100: '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a',
  l40s: '8e7d6c5b-4a39-4281-9f60-5e4d3c2b1a09',
  cpu: '7d6c5b4a-3928-4170-8e5f-4d3c2b1a0998',
} as const;

export interface SeedSpec {
  id: string;
  projectId: number;
  name: string;
  status: DeploymentStatus;
  createdAt: string;
  image: string;
  flavor: keyof typeof FLAVORS;
  ready: number;
  total: number;
  // Not-yet-deployed (or failed) deployments have no public address.
  addressed: boolean;
  description?: string;
  errorMessage?: string;
}

export function buildDeployment(spec: SeedSpec): DeploymentRecord {
  return { project_id: spec.projectId, instance: instance(spec) };
}

function instance(spec: SeedSpec): InferenceInstance {
  return {
    id: spec.id,
    name: spec.name,
    status: spec.status,
    address: spec.addressed ? `https://${spec.name}-${spec.id.slice(0, 6)}.ai.gcore.dev` : null,
    description: spec.description ?? null,
    created_at: spec.createdAt,
    image: spec.image,
    listening_port: 8080,
    flavor_id: FLAVORS[spec.flavor],
    containers: [
      {
        region_id: 7,
        scale: { min: 1, max: 3, cooldown_period: 60, triggers: { cpu: { threshold: 80 } } },
        deploy_status: { ready: spec.ready, total: spec.total },
        error_message: spec.errorMessage ?? null,
      },
    ],
    auth_enabled: true,
    command: null,
    envs: {},
    image_registry_id: null,
    probes: null,
    timeout: 120,
  };
}
