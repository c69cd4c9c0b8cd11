import type {
  Deployment,
  DEPLOYMENT_STATUSES,
} from '../../src/features/deployments/api/v2/deployment-schemas';
import { SEED_PROJECT_IDS as P } from './projects';

type DeploymentStatus = (typeof DEPLOYMENT_STATUSES)[number];

/** Fixed v4 UUIDs so tests can name a deployment without listing first. */
export const SEED_DEPLOYMENT_IDS = {
  llamaChat: 'a1b2c3d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  mistralInstruct: 'b2c3d4e5-6f70-4b8c-9dae-1f2a3b4c5d6e',
  whisperLarge: 'c3d4e5f6-7081-4c9d-aebf-2a3b4c5d6e7f',
  stableDiffusion: 'd4e5f607-8192-4dae-bfc0-3b4c5d6e7f80',
  qwenInstruct: 'e5f60718-92a3-4ebf-80d1-4c5d6e7f8091',
  bgeEmbeddings: 'f6071829-a3b4-4fc0-91e2-5d6e7f8091a2',
  phiMini: '07182930-b4c5-4d01-a2f3-6e7f8091a2b3',
  stagingLlamaChat: '18293a41-c5d6-4e12-b304-7f8091a2b3c4',
  stagingWhisperSmall: '293a4b52-d6e7-4f23-8415-8091a2b3c4d5',
  stagingMistral: '3a4b5c63-e7f8-4034-9526-91a2b3c4d5e6',
} as const;
const D = SEED_DEPLOYMENT_IDS;

const IMAGES = {
  vllm: 'vllm/vllm-openai:v0.5.3',
  whisper: 'ghcr.io/gcore/whisper:1.4.0',
  sdxl: 'ghcr.io/gcore/sdxl:1.0.2',
  tei: 'ghcr.io/huggingface/text-embeddings-inference:1.5',
} as const;
const FLAVORS = {
  h100: '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a',
  l40s: '8e7d6c5b-4a39-4281-9f60-5e4d3c2b1a09',
  cpu: '7d6c5b4a-3928-4170-8e5f-4d3c2b1a0998',
} as const;

// id, name, status, created (2024, UTC, to the minute), image, flavor, ready and total containers.
type Row = [string, string, DeploymentStatus, string, Image, Flavor, number, number];
type Image = keyof typeof IMAGES;
type Flavor = keyof typeof FLAVORS;

// A mix of statuses in two projects, one deployment per line.
// prettier-ignore
const ROWS: [projectId: number, rows: Row[]][] = [
  [P.default, [
    [D.llamaChat, 'llama-3-8b-chat', 'ACTIVE', '03-04T10:15', 'vllm', 'h100', 2, 2],
    [D.mistralInstruct, 'mistral-7b-instruct', 'ACTIVE', '04-11T08:40', 'vllm', 'l40s', 1, 1],
    [D.whisperLarge, 'whisper-large-v3', 'DEPLOYING', '06-20T13:05', 'whisper', 'l40s', 0, 1],
    [D.stableDiffusion, 'stable-diffusion-xl', 'DISABLED', '05-02T17:20', 'sdxl', 'h100', 0, 0],
    [D.qwenInstruct, 'qwen2-72b-instruct', 'FAILED', '07-08T09:55', 'vllm', 'h100', 0, 2],
    [D.bgeEmbeddings, 'bge-m3-embeddings', 'PARTIALLYDEPLOYED', '07-30T11:10', 'tei', 'cpu', 1, 3],
    [D.phiMini, 'phi-3-mini-4k', 'NEW', '08-15T15:45', 'vllm', 'l40s', 0, 1],
  ]],
  [P.staging, [
    [D.stagingLlamaChat, 'llama-3-8b-chat', 'ACTIVE', '05-20T10:00', 'vllm', 'l40s', 1, 1],
    [D.stagingWhisperSmall, 'whisper-small', 'ACTIVE', '05-21T14:30', 'whisper', 'cpu', 1, 1],
    [D.stagingMistral, 'mistral-7b-instruct', 'ERROR', '06-01T09:00', 'vllm', 'l40s', 0, 1],
  ]],
];

const DESCRIPTIONS: Record<string, string> = {
  [D.llamaChat]: 'Chat assistant for the support portal',
  [D.whisperLarge]: 'Speech to text',
};
const ERRORS: Record<string, string> = {
  [D.qwenInstruct]: 'No capacity available in the region',
  [D.stagingMistral]: 'Failed to pull image',
};
/** Not yet deployed (or failed) deployments have no public address. */
const ADDRESSED = new Set<DeploymentStatus>(['ACTIVE', 'DISABLED', 'PARTIALLYDEPLOYED']);

/**
 * A deployment and its project (the v2 body does not carry it): v2's instance minus what the
 * bindings derive, checked against the app's type so a field it starts to require breaks it.
 */
function deployment(projectId: number, row: Row) {
  const [id, name, status, createdAt, image, flavor, ready, total] = row;
  const instance = {
    id,
    name,
    status,
    address: ADDRESSED.has(status) ? `https://${name}-${id.slice(0, 6)}.ai.gcore.dev` : null,
    description: DESCRIPTIONS[id] ?? null,
    created_at: `2024-${createdAt}:00Z`,
    image: IMAGES[image],
    listening_port: 8080,
    flavor_id: FLAVORS[flavor],
    containers: [
      {
        region_id: 7,
        scale: { min: 1, max: 3, cooldown_period: 60, triggers: { cpu: { threshold: 80 } } },
        deploy_status: { ready, total },
        error_message: ERRORS[id] ?? null,
      },
    ],
    command: null as string[] | null,
    envs: {},
    image_registry_id: null,
    probes: null,
    timeout: 120,
  } satisfies Omit<Deployment, 'api_key_ids' | 'auth_enabled'> & Record<string, unknown>;
  return { project_id: projectId, instance };
}
export type DeploymentRecord = ReturnType<typeof deployment>;

export const SEED_DEPLOYMENTS: readonly DeploymentRecord[] = ROWS.flatMap(([projectId, rows]) =>
  rows.map((row) => deployment(projectId, row)),
);
