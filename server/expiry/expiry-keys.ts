import type * as z from 'zod/mini';
import { MAX_PAGE_SIZE, type ListOf } from '../../src/lib/list-schema.ts';
import {
  apiKeyListSchema,
  API_KEYS_PATH,
} from '../../src/features/api-keys/api/api-key-schemas.ts';
import {
  apiKeyV3ListSchema,
  v3ApiKeysPath,
} from '../../src/features/api-keys/api/v3/api-key-v3-schemas.ts';
import {
  deploymentListSchema,
  DEPLOYMENTS_PATH,
} from '../../src/features/deployments/api/v2/deployment-schemas.ts';
import {
  projectListSchema,
  PROJECTS_PATH,
  type Project,
} from '../../src/features/projects/api/project-schemas.ts';
import type { ApiGeneration } from '../api-generation.ts';
import type { LoopbackGet } from './loopback-get.ts';

/** A key that expires, with what a warning about it names; never its secret (none is read). */
export type ExpiringKey = {
  projectId: number;
  projectName: string;
  /** Its identity in its generation: the name on v3, the UUID on v2 (the page's `key` param). */
  keyId: string;
  keyName: string;
  expiresAt: Date;
  /** The names of the deployments it unlocks. */
  deployments: string[];
};

export type KeyReading = {
  keys: ExpiringKey[];
  /** Projects that could not be read this time; the others are still checked. */
  failures: { projectId: number; message: string }[];
};

/**
 * Every project's expiring keys and the deployments each unlocks, through the gateway. v3 keys
 * name their deployments (`deployment_names`); v2 keys list deployment UUIDs, named from the
 * project's deployments. Throws only when the projects themselves cannot be read.
 */
export async function readExpiringKeys(
  get: LoopbackGet,
  generation: ApiGeneration,
): Promise<KeyReading> {
  const projects = await readAll(get, PROJECTS_PATH, {}, projectListSchema);
  const reading: KeyReading = { keys: [], failures: [] };
  for (const project of projects.filter((p) => p.deleted_at === null)) {
    try {
      const read = generation === 'v3' ? readV3Keys : readV2Keys;
      reading.keys.push(...(await read(get, project)));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      reading.failures.push({ projectId: project.id, message });
    }
  }
  return reading;
}

async function readV3Keys(get: LoopbackGet, project: Project): Promise<ExpiringKey[]> {
  const keys = await readAll(get, v3ApiKeysPath(project.id), {}, apiKeyV3ListSchema);
  return keys.flatMap((key) =>
    expiring(project, key.expires_at, {
      keyId: key.name,
      keyName: key.name,
      deployments: key.deployment_names,
    }),
  );
}

async function readV2Keys(get: LoopbackGet, project: Project): Promise<ExpiringKey[]> {
  const inProject = { project_id: String(project.id) };
  const keys = await readAll(get, API_KEYS_PATH, inProject, apiKeyListSchema);
  if (!keys.some((key) => key.expires_at !== null)) return [];
  const deployments = await readAll(get, DEPLOYMENTS_PATH, inProject, deploymentListSchema);
  const names = new Map(deployments.map((deployment) => [deployment.id, deployment.name]));
  return keys.flatMap((key) =>
    expiring(project, key.expires_at, {
      keyId: key.key_id,
      keyName: key.name,
      // A deployment of another project or gone since is still named, by its id.
      deployments: key.inference_instance_ids.map((id) => names.get(id) ?? id),
    }),
  );
}

function expiring(
  project: Project,
  expiresAt: string | null,
  fields: Pick<ExpiringKey, 'keyId' | 'keyName' | 'deployments'>,
): ExpiringKey[] {
  const time = expiresAt === null ? NaN : Date.parse(expiresAt);
  if (Number.isNaN(time)) return [];
  return [
    { projectId: project.id, projectName: project.name, expiresAt: new Date(time), ...fields },
  ];
}

/** Every page of a `{count, results}` list. */
async function readAll<T>(
  get: LoopbackGet,
  path: string,
  query: Record<string, string>,
  schema: z.ZodMiniType<ListOf<T>>,
): Promise<T[]> {
  const items: T[] = [];
  for (;;) {
    const params = new URLSearchParams({
      ...query,
      limit: String(MAX_PAGE_SIZE),
      offset: String(items.length),
    });
    const page = await get(`${path}?${params.toString()}`, schema);
    items.push(...page.results);
    if (page.results.length === 0 || items.length >= page.count) return items;
  }
}
