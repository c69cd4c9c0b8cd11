import type { ApiGeneration } from '../../../lib/api-config';

export type ApiKeyListParams = {
  projectId: number;
  limit: number;
  offset: number;
  orderBy?: string;
};

/**
 * One factory, so invalidation after a write reaches every list that could show the key. The
 * generation is part of every key: v2 and v3 answers never share a cache entry.
 */
export const apiKeyKeys = {
  all: ['api-keys'] as const,
  generation: (generation: ApiGeneration) => [...apiKeyKeys.all, generation] as const,
  lists: (generation: ApiGeneration) => [...apiKeyKeys.generation(generation), 'list'] as const,
  list: (generation: ApiGeneration, params: ApiKeyListParams) =>
    [...apiKeyKeys.lists(generation), params] as const,
  /** Every key of a project (for a name filter, or a list the API cannot sort). */
  allOfProject: (generation: ApiGeneration, projectId: number, orderBy: string | undefined) =>
    [...apiKeyKeys.lists(generation), 'all', projectId, orderBy] as const,
  detail: (generation: ApiGeneration, projectId: number, keyId: string) =>
    [...apiKeyKeys.generation(generation), 'detail', projectId, keyId] as const,
  /** Every project's deployments, of every generation: what a binding change invalidates. */
  allDeployments: ['deployments'] as const,
  deployments: (generation: ApiGeneration, projectId: number) =>
    [...apiKeyKeys.allDeployments, generation, projectId] as const,
  /** The create call: what "a key is being created" means, and nothing else that is writing. */
  create: () => [...apiKeyKeys.all, 'create'] as const,
};
