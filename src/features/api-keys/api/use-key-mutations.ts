import { useMutation, useQueryClient } from '@tanstack/react-query';
import { secretBox, type SecretBox } from '../../../lib/secret-box';
import { forgetKeyJobs } from '../../jobs/api/forget-key-jobs';
import { apiKeyKeys } from './api-key-query-keys';
import type { KeyChanges, KeyRecord, NewKey } from './key-model';
import { useKeysAdapter } from './keys-adapter-context';

/**
 * A new key with its secret boxed: the reveal dialog wipes it when the user is done.
 * `deploymentRefs` are the deployments the user chose; `pendingBindings` those of them the create
 * did not bind: whoever shows the reveal starts those bindings, after it is on screen.
 */
export type CreatedKey = {
  key: KeyRecord;
  secret: SecretBox;
  deploymentRefs: string[];
  pendingBindings: string[];
};

/**
 * The create call. It leaves the list alone: the reveal dialog refreshes it once it is on screen
 * (see `useReveal`), so the list's refetch never delays the one thing the user waits for.
 */
export function useCreateKey() {
  const adapter = useKeysAdapter();
  return useMutation({
    mutationKey: apiKeyKeys.create(),
    mutationFn: async ({
      projectId,
      newKey,
      signal,
    }: {
      projectId: number;
      newKey: NewKey;
      signal?: AbortSignal;
    }): Promise<CreatedKey> => {
      const { key, secret, pendingBindings } = await adapter.createKey(projectId, newKey, signal);
      return {
        key,
        secret: secretBox(secret),
        deploymentRefs: [...newKey.deploymentRefs],
        pendingBindings,
      };
    },
    // A create that failed after reaching the server must never run twice on its own.
    retry: false,
    // The response holds the secret: drop the mutation from the cache as soon as the reveal
    // dialog lets go of it (mutation.reset()), instead of keeping it for the default 5 minutes.
    gcTime: 0,
  });
}

export function useUpdateKey(projectId: number) {
  const adapter = useKeysAdapter();
  const queryClient = useQueryClient();
  const { generation } = adapter.capabilities;
  return useMutation({
    mutationFn: ({ keyId, changes }: { keyId: string; changes: KeyChanges }) =>
      adapter.updateKey(projectId, keyId, changes),
    retry: false,
    onSuccess: (key) => {
      queryClient.setQueryData(apiKeyKeys.detail(generation, projectId, key.id), key);
      void queryClient.invalidateQueries({ queryKey: apiKeyKeys.lists(generation) });
    },
  });
}

export function useDeleteKey(projectId: number) {
  const adapter = useKeysAdapter();
  const queryClient = useQueryClient();
  const { generation } = adapter.capabilities;
  return useMutation({
    mutationFn: (key: Pick<KeyRecord, 'id' | 'name'>) => adapter.deleteKey(projectId, key.id),
    retry: false,
    onSuccess: (_outcome, key) => {
      queryClient.removeQueries({ queryKey: apiKeyKeys.detail(generation, projectId, key.id) });
      void queryClient.invalidateQueries({ queryKey: apiKeyKeys.lists(generation) });
      // A key that is gone has nothing left to bind or retry: its notices go with it.
      forgetKeyJobs(queryClient, projectId, key.name);
    },
  });
}
