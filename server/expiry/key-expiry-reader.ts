import type * as z from 'zod/mini';
import { apiKeyListSchema } from '../../src/features/api-keys/api/api-key-schemas.ts';
import { apiKeyV3ListSchema } from '../../src/features/api-keys/api/v3/api-key-v3-schemas.ts';
import {
  projectListSchema,
  PROJECTS_PATH,
} from '../../src/features/projects/api/project-schemas.ts';
import { MAX_PAGE_SIZE } from '../../src/lib/list-schema.ts';
import { serverGet, type ServerReadTarget } from './server-reads.ts';

/** One key that expires; keys that never expire are not listed. */
export type KeyExpiry = { project: number; key: string; expiresAt: Date };

export type KeyExpiryReadOptions = ServerReadTarget & {
  /** The generation the server speaks: v2 lists keys by project id, v3 under the project. */
  generation: 'v2' | 'v3';
  token: string;
};

/**
 * Every project's keys that have an expiry, read with the server's shared token through the
 * same calls the page makes, each answer parsed with the page's own schemas. Throws on any
 * failed or misshapen answer: a partial list would look like keys that no longer expire.
 */
export async function readKeyExpiries(options: KeyExpiryReadOptions): Promise<KeyExpiry[]> {
  const projects = await readAll(options, PROJECTS_PATH, '', projectListSchema);
  const expiries: KeyExpiry[] = [];
  for (const project of projects) {
    if (project.deleted_at !== null) continue;
    const keys =
      options.generation === 'v2'
        ? await readAll(
            options,
            '/cloud/v2/inference/api_keys',
            `project_id=${project.id}&`,
            apiKeyListSchema,
          )
        : await readAll(
            options,
            `/cloud/v3/inference/${project.id}/api_keys`,
            '',
            apiKeyV3ListSchema,
          );
    for (const key of keys) {
      const expiresAt = key.expires_at === null ? undefined : new Date(key.expires_at);
      if (expiresAt && !Number.isNaN(expiresAt.getTime())) {
        expiries.push({ project: project.id, key: key.name, expiresAt });
      }
    }
  }
  return expiries;
}

/** Every page of a `{count, results}` list, 1000 at a time. */
async function readAll<T>(
  target: ServerReadTarget,
  path: string,
  query: string,
  schema: z.ZodMiniType<{ count: number; results: T[] }>,
): Promise<T[]> {
  const items: T[] = [];
  for (;;) {
    const page = `${path}?${query}limit=${MAX_PAGE_SIZE}&offset=${items.length}`;
    const answer = await serverGet(target, page);
    if (answer.status !== 200) throw new Error(`GET ${path} answered HTTP ${answer.status}`);
    const parsed = schema.safeParse(answer.json);
    if (!parsed.success)
      throw new Error(`GET ${path} answered in a shape the dashboard does not know`);
    items.push(...parsed.data.results);
    if (parsed.data.results.length === 0 || items.length >= parsed.data.count) return items;
  }
}
