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
  detail: (keyId: string) => [...apiKeyKeys.all, 'detail', keyId] as const,
};
