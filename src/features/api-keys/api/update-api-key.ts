import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { apiKeyKeys } from './api-key-query-keys';
import { apiKeySchema, updateApiKeyInputSchema, type UpdateApiKeyInput } from './api-key-schemas';
import { apiKeyPath } from './get-api-key';

export function updateApiKey(keyId: string, input: UpdateApiKeyInput) {
  return apiRequest({
    method: 'PATCH',
    path: apiKeyPath(keyId),
    body: updateApiKeyInputSchema.parse(input),
    schema: apiKeySchema,
  });
}

export function useUpdateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ keyId, input }: { keyId: string; input: UpdateApiKeyInput }) =>
      updateApiKey(keyId, input),
    retry: false,
    onSuccess: (key) => {
      queryClient.setQueryData(apiKeyKeys.detail(key.key_id), key);
      void queryClient.invalidateQueries({ queryKey: apiKeyKeys.lists() });
    },
  });
}
