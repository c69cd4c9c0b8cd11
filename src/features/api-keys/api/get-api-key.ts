import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { apiKeyKeys } from './api-key-query-keys';
import { apiKeySchema } from './api-key-schemas';
import { API_KEYS_PATH } from './api-key-schemas';

export const apiKeyPath = (keyId: string) => `${API_KEYS_PATH}/${encodeURIComponent(keyId)}`;

export const apiKeyQueryOptions = (keyId: string) =>
  queryOptions({
    queryKey: apiKeyKeys.detail(keyId),
    queryFn: ({ signal }) =>
      apiRequest({ method: 'GET', path: apiKeyPath(keyId), schema: apiKeySchema, signal }),
  });
