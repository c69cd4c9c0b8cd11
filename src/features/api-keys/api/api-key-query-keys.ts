export type ApiKeyListParams = {
  projectId: number;
  limit: number;
  offset: number;
  orderBy?: string;
};

/** One factory, so invalidation after a write reaches every list that could show the key. */
export const apiKeyKeys = {
  all: ['api-keys'] as const,
  lists: () => [...apiKeyKeys.all, 'list'] as const,
  list: (params: ApiKeyListParams) => [...apiKeyKeys.lists(), params] as const,
  /** Every key of a project (for the name filter, which the API cannot do). */
  allOfProject: (projectId: number, orderBy: string | undefined) =>
    [...apiKeyKeys.lists(), 'all', projectId, orderBy] as const,
  detail: (keyId: string) => [...apiKeyKeys.all, 'detail', keyId] as const,
};
